"""The evaluation gate: per-article floors of the shared scorer's figures, pinned in ``baseline.json``.

``test_gate.py`` fails when any figure of any annotated article falls more than 0.02 below its
pinned value; ``python -m tests.gate`` prints the same comparison, and ``--update`` rewrites the
baseline with today's figures (commit that with a message saying why).
"""
