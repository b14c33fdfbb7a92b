"""The NLP stages: one module each, every one a function from a parsed document to plain records."""
