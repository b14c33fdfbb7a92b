"""``python -m newsgraph.geo``: build the gazetteer file of this version now, not in a user's first command.

``make install`` runs it after installing the package; ``--quiet`` says nothing when the
file is there already. It prints where the file is and its size; the exit status is 1 when
the cache directory cannot be written (each process would then build it in memory).
"""

from __future__ import annotations

import sys

from newsgraph.geo import gazetteer, storage


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    unknown = [a for a in args if a not in ("-q", "--quiet")]
    if unknown:
        print(f"usage: python -m newsgraph.geo [--quiet]  (unknown argument {unknown[0]!r})", file=sys.stderr)
        return 2
    path = storage.file_path(gazetteer.version())
    existed = path.exists()
    store = gazetteer.store()
    if store.path is None:
        return 1  # the in-memory build has said why
    if not (existed and args):
        size = store.path.stat().st_size / 1e6
        print(f"newsgraph: the gazetteer is ready: {store.path} ({size:.0f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
