"""The README's screenshot: the dossier page of the person with most claims in our own example articles.

    .venv/bin/python tests/web/readme_screenshot.py          # writes docs/web-dossier.png

A store built from examples/ (never the shared articles), ``newsgraph serve`` on a free port, headless
Chromium through Playwright (tests/browser.py finds or installs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import browser  # noqa: E402
from tests.web.conftest import build_store, free_port, wait_until_serving  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    from newsgraph.query import claims
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = build_store(Path(tmp) / "examples.db", [ROOT / "examples"])
        with Store(db) as store:
            speakers = Counter(c.speaker.id for c in claims(store, limit=500) if c.speaker and c.speaker.id.startswith("per:"))
        person = min(speakers, key=lambda s: (-speakers[s], s))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                                  env={**os.environ, "NEWSGRAPH_TOKEN": "readme"}, stderr=subprocess.DEVNULL)
        try:
            wait_until_serving(f"http://127.0.0.1:{port}", server)
            with sync_playwright() as p:
                chromium = p.chromium.launch(executable_path=browser.install(), args=list(browser.FLAGS))
                page = chromium.new_page(viewport={"width": 1300, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/entity/{quote(person, safe='')}")
                page.wait_for_load_state("networkidle")
                out = ROOT / "docs" / "web-dossier.png"
                page.screenshot(path=str(out))
                chromium.close()
            print(f"{out}: the dossier of {person}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
