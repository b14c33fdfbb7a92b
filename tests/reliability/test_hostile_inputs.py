"""Broken and hostile input files: each gets one clear error naming it, the rest of the batch is stored.

Run this file directly (``python tests/reliability/test_hostile_inputs.py``) to print the table
of inputs tried and what each produced.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

GOOD = "Iraq and Iran signed a border security agreement in Baghdad on Sunday, Iraqi state media reported."
ARABIC = "وقال وزير الخارجية السوري فيصل المقداد إن الاتفاق تم توقيعه في دمشق يوم الاثنين."
FRENCH = "Le ministre a déclaré à Beyrouth que l'accord était signé. Café, élève, où, à bientôt."


def hostile_corpus(root: Path) -> dict[str, str | None]:
    """Write the inputs; return file name -> expected error fragment (None: must be ingested)."""
    files: dict[str, tuple[bytes, str | None]] = {
        "good.txt": (GOOD.encode(), None),
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b" \n\t\r\n  \n", "only whitespace"),
        "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>", "PDF"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG"),
        "tool": (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "ELF"),
        "invalid-utf8.txt": (b"Iran said \xff\xfe\xfa talks \xc3\x28 would resume.", "not valid UTF-8"),
        "utf16-bom.txt": ("\ufeff".encode("utf-16-le") + GOOD.replace("Sunday", "Monday").encode("utf-16-le"), None),
        "utf16-no-bom.txt": (ARABIC.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        "cp1252.txt": (FRENCH.encode("cp1252"), "--encoding"),
        "cp1256.txt": (ARABIC.encode("cp1256"), "--encoding"),
        "huge.txt": (b"", "MB"),  # written below: 50 MB
        "one-line.txt": (b"", "per-document limit"),  # written below: a single 1 MB line
        "nested.html": (b"<html><body>" + b"<div>" * 50_000 + b"<p>" + GOOD.encode() + b"</p>"
                        + b"</div>" * 50_000 + b"</body></html>", "HTML"),
        "unclosed.html": (b"<html><body><article><p>" + GOOD.encode() + b"<p>The foreign minister <b>confirmed "
                          b"it to <i>reporters in Tehran on Monday", None),
        "no-body.html": (b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                         "no article text"),
        "not-xml.rss": (b"HTTP/1.1 502 Bad Gateway\r\n\r\n<h1>nginx</h1> {garbage", "not an RSS/Atom feed"),
        "bad-middle.jsonl": ((b'{"text": "Russia said it would deliver S-400 parts to Iran in March."}\n'
                              b'{"text": "half a record\n'
                              b'{"text": "Hezbollah fired drones at northern Israel on Friday, the army said."}\n'),
                             "bad-middle.jsonl:2: not valid JSON"),
        "short-row.csv": (b"title,text,date\nTalks,Iraq said the talks would resume.\n", "row 2: 2 fields, but the header has 3"),
        "unclosed.csv": (b'title,text\nTalks,"Iraq said the talks would resume.\n', "row 2: not valid CSV"),
        "truncated.json": (b'{"title": "Talks", "text": "Iraq said the talks would', "not valid JSON"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    with (root / "huge.txt").open("wb") as handle:
        line = b"The ministry said the convoy crossed into Syria on Monday night.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (root / "one-line.txt").write_bytes(b"Iran said talks would resume " * (1024 * 1024 // 29 + 1))
    (root / "sub").mkdir()
    os.symlink(root, root / "sub" / "loop-to-root")  # a symlink loop
    os.symlink(root / "nowhere.txt", root / "sub" / "dangling.txt")  # a broken link
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    expected = {name: err for name, (_, err) in files.items()}
    expected["sub/dangling.txt"] = "no such file"
    expected["pipe.txt"] = "not a regular file"
    return expected


def run_batch(root: Path, db: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(app, ["ingest", str(root), str(root / "does-not-exist.txt"), "--db", str(db),
                                      "--timeout", "60"])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    return result.exit_code, errors, result.stderr


def test_each_bad_input_gets_one_error_and_the_rest_is_ingested(tmp_path: Path) -> None:
    root = tmp_path / "inputs"
    root.mkdir()
    expected = hostile_corpus(root)
    code, errors, stderr = run_batch(root, tmp_path / "h.db")
    assert code == 1, stderr
    assert "Traceback" not in stderr
    for name, fragment in expected.items():
        path = str(root / name)
        hits = [e for e in errors if f" {path}:" in e or f" {path}#" in e]
        if fragment is None:
            assert not hits, (name, hits)
        else:
            assert len(hits) == 1 and fragment in hits[0], (name, hits)
    assert sum("does-not-exist.txt: no such file or directory" in e for e in errors) == 1
    assert len(errors) == sum(1 for f in expected.values() if f) + 1  # nothing else went wrong
    with Store(tmp_path / "h.db") as store:
        # good.txt, utf16-bom.txt, unclosed.html and the two good JSONL lines
        assert len(store) == 5
        assert store.check() == []
        origins = {Path(i.origin or "").name.split(":")[0] for i in store.infos()}
        assert origins == {"good.txt", "utf16-bom.txt", "unclosed.html", "bad-middle.jsonl"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_files_and_directories_are_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "locked.txt").write_text(GOOD.replace("Sunday", "Friday"))
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "x.txt").write_text(GOOD)
    (tmp_path / "closed").chmod(0)
    try:
        code, errors, _ = run_batch(tmp_path, tmp_path / "u.db")
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert code == 1
    assert any("locked.txt: permission denied" in e for e in errors)
    assert any("closed" in e and "permission denied" in e for e in errors)


if __name__ == "__main__":  # print the table of inputs and outcomes
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "inputs"
        root.mkdir()
        expected = hostile_corpus(root)
        code, errors, _ = run_batch(root, Path(tmp) / "h.db")
        print(f"{'input':<24} result")
        for name in [*expected, "does-not-exist.txt"]:
            mine = [e.split(f"{root}/", 1)[-1] for e in errors if f"/{name}" in e]
            print(f"{name:<24} {' | '.join(mine) if mine else 'ingested'}")
        print(f"exit status {code}")
        sys.exit(0)
