"""The front-end libraries the pages use, shipped inside the package (no CDN, no tile server at run time).

    python -m newsgraph.web.assets web/node_modules     # make install: after `npm ci` in web/

copies each file of ``FILES`` from the npm packages of ``web/package.json`` into ``static/vendor/`` and
writes ``static/vendor/LICENSES`` (each package's name, version, licence and licence text).  The app
refuses to start without them (``missing``), with a message saying how to build them.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from newsgraph.errors import NewsgraphError

VENDOR = Path(__file__).parent / "static" / "vendor"

# vendor file name -> path inside node_modules
FILES = {
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    # the "peer" build: its CSS is a file (the standalone build injects a <style>, which the CSP forbids)
    "moment.min.js": "moment/min/moment.min.js",
    "vis-data.min.js": "vis-data/peer/umd/vis-data.min.js",
    "vis-timeline-graph2d.min.js": "vis-timeline/peer/umd/vis-timeline-graph2d.min.js",
    "vis-timeline-graph2d.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    # Natural Earth 1:50m country outlines (public domain data, ISC-licensed packaging): the offline basemap
    "countries-50m.json": "world-atlas/countries-50m.json",
}
_LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE.MIT.txt", "LICENCE")


class AssetsMissing(NewsgraphError):
    """The web assets were not built into the package."""


def missing() -> list[str]:
    """The vendor files that are not there (empty when the pages can be served)."""
    return [name for name in [*FILES, "LICENSES"] if not (VENDOR / name).is_file()]


def require() -> None:
    """``AssetsMissing`` naming the files and the fix when any vendor file is absent."""
    gone = missing()
    if gone:
        raise AssetsMissing(f"the web assets are missing from {VENDOR} ({', '.join(gone[:4])}"
                            f"{', ...' if len(gone) > 4 else ''}): run `make install` (npm ci in web/, then "
                            "python -m newsgraph.web.assets web/node_modules)")


def build(node_modules: Path, dest: Path = VENDOR) -> list[str]:
    """Copy the vendor files out of ``node_modules`` and write LICENSES; the names copied."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, source in FILES.items():
        path = node_modules / source
        if not path.is_file():
            raise AssetsMissing(f"{path}: not found (run `npm ci --no-audit --no-fund` in web/ first)")
        shutil.copyfile(path, dest / name)
    packages = sorted({source.split("/", 1)[0] for source in FILES.values()})
    (dest / "LICENSES").write_text("\n\n".join(_licence(node_modules / p) for p in packages) + "\n",
                                   encoding="utf-8")
    return list(FILES)


def _licence(package: Path) -> str:
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    texts = [(package / f).read_text(encoding="utf-8") for f in _LICENCE_FILES if (package / f).is_file()]
    head = f"== {meta['name']} {meta['version']}: {meta.get('license', 'see text')} =="
    return "\n".join([head, *texts]).rstrip()


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("web/node_modules")
    try:
        copied = build(where)
    except NewsgraphError as exc:
        sys.exit(f"newsgraph: {exc}")
    print(f"newsgraph: {len(copied)} web assets copied into {VENDOR}")
