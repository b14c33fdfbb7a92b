"""Fixtures of the web tests: a store built from ../shared/corpus, our examples and a hostile article;
the app over it (FastAPI's TestClient); a real server on 127.0.0.1 and headless Chromium for the browser
tests (Debian's chromium through tests/browser.py, driven by Playwright's Python client)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import browser
from tests.shared import ROOT
from tests.web.hostile import HOSTILE_TEXT

TOKEN = "test-token-7f3a"
ARTIFACTS = Path(os.environ.get("NEWSGRAPH_ARTIFACTS") or ROOT / "tests" / "web" / "artifacts")


def build_store(path: Path, inputs: list[Path]) -> Path:
    """A SQLite store of ``inputs``, through the CLI as a user would build it."""
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", *map(str, inputs), "--db", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"ingest failed: {done.stderr[-2000:]}"
    return path


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile-page.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path, examples_dir: Path, hostile_dir: Path) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db", [shared_dir / "corpus", examples_dir, hostile_dir])


@pytest.fixture(scope="session")
def app(web_db: Path) -> Any:
    from newsgraph.web.app import create_app

    return create_app(str(web_db), token=TOKEN)


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_serving(base: str, process: subprocess.Popen[Any], seconds: float = 30.0) -> bool:
    """Whether ``newsgraph serve`` at ``base`` answers its health check before ``seconds`` pass or it exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """``newsgraph serve`` on 127.0.0.1 and a free port; its base URL."""
    port = free_port()
    env = {**os.environ, "NEWSGRAPH_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(web_db), "--port", str(port)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(base, process):
            exited = process.poll() is not None
            pytest.fail(f"newsgraph serve exited: {process.stderr.read()}" if exited and process.stderr
                        else "newsgraph serve did not answer within 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> str:
    found = browser.find()
    if found is None and browser.required():
        found = browser.install()
    if found is None:
        pytest.skip("no chromium on this machine (python3 tests/browser.py installs it; CI requires it)")
    return found


@pytest.fixture(scope="session")
def browser_session(chromium: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if browser.required():
            raise
        pytest.skip("the playwright package is not installed (pip install -e '.[webtest]')")
    with sync_playwright() as p:  # Playwright gives the browser a new empty profile of its own
        launched = p.chromium.launch(executable_path=chromium, args=list(browser.FLAGS))
        yield launched
        launched.close()


class Watched:
    """A page, with every request it made and every dialog that tried to open."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


@pytest.fixture
def page(browser_session: Any) -> Iterator[Watched]:
    context = browser_session.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context.new_page())
    yield watched
    context.close()
