"""A throwaway PostgreSQL server for the tests, from Debian's packages.

    eval "$(python3 tests/pgserver.py start)"   # exports NEWSGRAPH_TEST_PG (a URL) and NEWSGRAPH_TEST_PG_DIR
    python3 tests/pgserver.py stop "$NEWSGRAPH_TEST_PG_DIR"

``start`` installs PostgreSQL with apt-get when its binaries are missing (as root), runs ``initdb``
in a new temporary directory and starts the server on 127.0.0.1 and a free port, with a random
password (scram-sha-256, so the tests can also try a wrong one).  initdb refuses to run as root:
as root the server runs as the ``postgres`` system user the package creates (``nobody`` when it is
absent), which owns the directory.  ``stop`` stops the server and removes the directory.

Standard library only: CI runs this before the project's virtualenv exists; the tests import it
(``tests/store_backends.py``) to start a server of their own on a developer machine.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

SUPERUSER = "newsgraph"
# a test server: no fsync (a clean stop still checkpoints everything), little memory, quick checkpoints
SERVER_SETTINGS = {"listen_addresses": "'127.0.0.1'", "fsync": "off", "shared_buffers": "'32MB'",
                   "max_connections": "100", "log_min_messages": "warning"}


def binaries() -> Path | None:
    """The directory of pg_ctl and initdb: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                      key=lambda p: int(re.sub(r"\D", "", p.parent.parent.name) or 0))
    return versions[-1].parent if versions else None


def install() -> Path:
    """Install Debian's ``postgresql`` package (root only) unless its binaries are there already."""
    found = binaries()
    if found is not None:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise SystemExit("PostgreSQL is not installed and cannot be installed here: "
                         "install Debian's postgresql package (apt-get install postgresql) and try again")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    if subprocess.run(command, env=env, stdout=sys.stderr, check=False).returncode != 0:
        # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=sys.stderr, check=True)
        subprocess.run(command, env=env, stdout=sys.stderr, check=True)
    found = binaries()
    if found is None:
        raise SystemExit("apt-get installed postgresql but no pg_ctl was found under /usr/lib/postgresql")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_user() -> str | None:
    """Who runs the server: ourselves, or (as root) an unprivileged system user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise SystemExit("running as root and neither a 'postgres' nor a 'nobody' user exists to run the server")


@dataclass
class Server:
    """One throwaway server: its directory (data, log, password), port and superuser password."""

    root: str
    bindir: str
    port: int
    password: str
    user: str | None

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/postgres"

    @property
    def data(self) -> str:
        return str(Path(self.root) / "data")

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(Path(self.bindir) / program), *args]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=self.root)
        if check and result.returncode != 0:
            log = Path(self.root) / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            raise RuntimeError(f"{program} {' '.join(args)} failed: {result.stderr.strip()}\n{tail}")
        return result

    def pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """``pg_ctl`` on this server as its user, e.g. ``pg_ctl("stop", "-m", "fast")``."""
        return self._run("pg_ctl", "-D", self.data, *args, check=check)

    def start(self) -> None:
        self.pg_ctl("start", "-w", "-t", "60", "-l", str(Path(self.root) / "server.log"))

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("stop", "-w", "-t", "60", "-m", mode)

    def save(self) -> None:
        (Path(self.root) / "server.json").write_text(json.dumps(asdict(self)))

    @classmethod
    def load(cls, root: str) -> Server:
        return cls(**json.loads((Path(root) / "server.json").read_text()))

    def remove(self) -> None:
        """Stop the server if it runs and delete its directory."""
        if (Path(self.data) / "postmaster.pid").exists():
            self.pg_ctl("stop", "-w", "-t", "60", "-m", "immediate", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def create(bindir: Path | None = None) -> Server:
    """A new, started server in a new temporary directory."""
    bindir = bindir or install()
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    server = Server(root=str(root), bindir=str(bindir), port=_free_port(), password=secrets.token_hex(12), user=user)
    (root / "password").write_text(server.password + "\n")
    (root / "password").chmod(0o600)
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (root, root / "password"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    try:
        server._run("initdb", "-D", server.data, "-U", SUPERUSER, f"--pwfile={root / 'password'}",
                    "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync")
        with (Path(server.data) / "postgresql.conf").open("a") as conf:
            settings = {**SERVER_SETTINGS, "port": str(server.port), "unix_socket_directories": f"'{root}'"}
            conf.write("".join(f"{key} = {value}\n" for key, value in settings.items()))
        for attempt in range(3):  # the free port may be taken between the probe and the start
            try:
                server.start()
                break
            except RuntimeError:
                if attempt == 2:
                    raise
                server.port = _free_port()
                with (Path(server.data) / "postgresql.conf").open("a") as conf:
                    conf.write(f"port = {server.port}\n")
    except BaseException:
        server.remove()
        raise
    server.save()
    return server


def main(argv: list[str]) -> int:
    if len(argv) == 1 and argv[0] == "start":
        started = time.monotonic()
        server = create()
        print(f"export NEWSGRAPH_TEST_PG='{server.url}'")
        print(f"export NEWSGRAPH_TEST_PG_DIR='{server.root}'")
        print(f"PostgreSQL test server on 127.0.0.1:{server.port} in {server.root} "
              f"(ready in {time.monotonic() - started:.1f} s)", file=sys.stderr)
        return 0
    if len(argv) == 2 and argv[0] == "stop":
        if Path(argv[1], "server.json").is_file():
            Server.load(argv[1]).remove()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
