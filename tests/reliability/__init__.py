"""Reliability suite (issue 6): hostile input, NLP edge cases, crash safety, concurrency, fuzzing."""
