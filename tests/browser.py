"""Debian's chromium for the browser tests, installed when missing.

    python3 tests/browser.py            # prints the path of chromium (installing it as root when absent)

The tests (``tests/web/conftest.py``) call ``find()``, then ``install()`` when it returns None; CI runs this
script first (``.ci/run``) and sets ``NEWSGRAPH_TEST_BROWSER_REQUIRED=1``, so a missing browser fails the
run there, while a developer machine without it skips the browser tests with the reason.  ``FLAGS`` are the
switches a headless Chromium needs on this closed network (without the background-networking ones its
start-up connections are refused, many at a time).

Standard library only: CI runs this before the project's virtualenv exists.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CANDIDATES = ("chromium", "chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage")


def find() -> str | None:
    """The chromium executable: $NEWSGRAPH_CHROMIUM, else chromium on PATH."""
    given = os.environ.get("NEWSGRAPH_CHROMIUM")
    if given:
        return given if os.path.isfile(given) else None
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def required() -> bool:
    return os.environ.get("NEWSGRAPH_TEST_BROWSER_REQUIRED") == "1"


def install() -> str:
    """Install Debian's ``chromium`` (root only) unless it is there; its path, or SystemExit saying why not."""
    found = find()
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise SystemExit("chromium is not installed and cannot be installed here: "
                         "install Debian's chromium package (apt-get install chromium) and try again")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    if subprocess.run(command, env=env, stdout=sys.stderr, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=sys.stderr, check=True)  # no package lists yet
        subprocess.run(command, env=env, stdout=sys.stderr, check=True)
    found = find()
    if not found:
        raise SystemExit("apt-get installed chromium but no chromium executable is on PATH")
    return found


if __name__ == "__main__":
    print(install())
