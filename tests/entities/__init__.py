"""Tests of the entities stage (newsgraph/nlp/entities), one module per module of the stage."""
