"""Readers of text, HTML, JSON Lines and feeds: formats, titles, encodings, bad input; no NLP, so milliseconds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read_file, read_paths
from newsgraph.ingest.decode import decode
from newsgraph.ingest.markup import strip_tags
from newsgraph.ingest.run import doc_id_for
from newsgraph.ingest.text import headline
from newsgraph.model import SourceDocument


def _docs(items: list) -> list[SourceDocument]:
    return [i for i in items if isinstance(i, SourceDocument)]


def _errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_headline_first_line_becomes_title_and_text_is_unchanged(tmp_path: Path) -> None:
    raw = "Iran ships drones to Russia, officials say\n\nIran has shipped drones to Russia, two officials said.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.title == "Iran ships drones to Russia, officials say"
    assert doc.text == raw  # offsets index the file's text, title included


@pytest.mark.parametrize("first_line", [
    "Iran is involved in the Syrian defense industry, a study found.",  # a sentence, not a headline
    "the minister said on Sunday that talks would resume",  # lower-case start
    "A " + "very " * 40 + "long line",
])
def test_running_text_is_not_a_headline(first_line: str) -> None:
    assert headline(first_line + "\nMore text follows here.") is None


def test_single_line_has_no_title() -> None:
    assert headline("Syria rebuilds missile plant") is None


def test_dev_article_has_no_headline(dev_article: str) -> None:
    assert headline(dev_article) is None


def test_utf8_bom_and_utf16_are_decoded() -> None:
    text = "Zehavi told The Media Line — “we proved it”."
    assert decode(b"\xef\xbb\xbf" + text.encode(), "x") == text
    assert decode("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "x") == text
    assert decode(text.encode("utf-16"), "x") == text  # BOM written by the codec


def test_legacy_encoding_is_rejected_with_a_hint_or_decoded_on_request() -> None:
    data = "Le ministre a déclaré à Beyrouth que l'accord était signé. Café, élève, où.".encode("cp1252")
    with pytest.raises(InputError) as caught:
        decode(data, "old.txt")
    assert "old.txt: not valid UTF-8" in str(caught.value) and "--encoding" in str(caught.value)
    assert decode(data, "old.txt", "cp1252").startswith("Le ministre a déclaré")
    assert "Beyrouth" in decode(data, "old.txt", "auto")


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\x7fELF\x02\x01\x01\x00", "ELF"),
    (b"some text\x00\x01\x02 with NULs", "NUL"),
])
def test_binary_files_are_rejected(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        decode(data, "blob")


def test_empty_and_whitespace_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n")
    errors = _errors(list(read_paths([tmp_path / "empty.txt", tmp_path / "blank.txt"])))
    assert [str(e) for e in errors] == [f"{tmp_path / 'empty.txt'}: empty file",
                                        f"{tmp_path / 'blank.txt'}: contains only whitespace"]


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Iran and Iraq signed a deal.", "published": "2023-03-19T08:00:00Z", "title": "Deal"}\n'
                    '{"text": "broken\n'
                    '\n'
                    '["not", "an", "object"]\n'
                    '{"title": "no text"}\n'
                    '{"text": "Russia said on Monday it would deliver the S-400.", "url": "https://example.org/x"}\n',
                    encoding="utf-8")
    items = list(read_file(path))
    docs, errors = _docs(items), _errors(items)
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:6"]
    assert docs[0].published == "2023-03-19" and docs[0].title == "Deal"
    assert docs[1].url == "https://example.org/x"
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "not valid JSON" in errors[0].reason


def test_jsonl_unreadable_date_is_a_warning_and_the_line_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "Talks resumed.", "published": "last Tuesday"}\n{"text": "Talks ended.", "date": "2024-02"}\n')
    first, second = list(read_file(path))
    assert isinstance(first, SourceDocument) and first.published is None
    assert first.warnings == (f"{path}:1: publication date 'last Tuesday' is not a date form newsgraph reads; "
                              "the document is kept without a date",)
    assert isinstance(second, SourceDocument) and second.published == "2024-02" and not second.warnings


def test_html_example_gives_text_and_metadata(examples_dir: Path) -> None:
    [doc] = list(read_file(examples_dir / "red-sea-shipping.html"))
    assert doc.title and "Red Sea" in doc.title
    assert doc.published == "2024-02-20"
    assert doc.author and doc.source
    assert "<" not in doc.text and "Home" not in doc.text.split("\n")[0]


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [error] = list(read_file(path))
    assert isinstance(error, InputError) and "no article text" in str(error)


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Levant Wire</title>
<item><title>Strike near &lt;b&gt;Homs&lt;/b&gt;</title><link>https://example.org/1</link>
<pubDate>Tue, 20 Feb 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Israeli jets struck a depot near &lt;b&gt;Homs&lt;/b&gt;, the monitor said.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>Empty</title><description></description></item>
</channel></rss>"""


def test_rss_entries_become_documents_with_html_stripped(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_file(path))
    [doc] = _docs(items)
    assert doc.text == "Israeli jets struck a depot near Homs, the monitor said.\nSecond paragraph."
    assert (doc.title, doc.published, doc.source, doc.url) == (
        "Strike near Homs", "2024-02-20", "Levant Wire", "https://example.org/1")
    [error] = _errors(items)
    assert error.origin == f"{path}#entry2"


def test_feed_that_is_not_xml_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("this is { not xml at all")
    [error] = list(read_file(path))
    assert isinstance(error, InputError) and "not an RSS/Atom feed" in str(error)


def test_strip_tags_survives_unclosed_markup() -> None:
    assert strip_tags("<div><p>One <b>two<p>three &amp; four") == "One two\nthree & four"


def test_directories_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Syria said on Monday that talks would resume.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Iraq said on Tuesday that talks had failed.")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG")  # not a text extension: left out of the walk
    (tmp_path / "sub" / ".hidden.txt").write_text("skip me")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")  # a symlink loop must end
    items = list(read_paths([tmp_path, str(tmp_path / "*.txt"), tmp_path / "missing.txt", str(tmp_path / "*.zzz")]))
    assert sorted(Path(d.origin).name for d in _docs(items)) == ["a.txt", "b.md"]
    assert [e.reason for e in _errors(items)] == ["no such file or directory", "no files match this pattern"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Classified.")
    path.chmod(0)
    [error] = list(read_file(path))
    assert isinstance(error, InputError) and "permission denied" in str(error)


def test_doc_ids_are_readable_and_distinguish_lines_and_entries() -> None:
    assert doc_id_for("/x/alma-cers-study.txt") == "alma-cers-study"
    assert doc_id_for("/x/feed items.jsonl:12") == "feed-items-12"
    assert doc_id_for("/x/wire.rss#entry3") == "wire-3"
