"""JSON files: arrays of article objects read element by element, single article objects, bad elements."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest import Columns, NotArticles, ReadOptions, read_file
from newsgraph.model import SourceDocument

from .helpers import docs, errors

ARTICLES = [
    {"id": "x-1", "title": "Iraq reopens Rabia crossing", "text": "Iraq reopened the Rabia crossing with Syria on Monday.",
     "published": "2024-02-19T08:00:00Z", "source": "Wire A", "url": "https://example.org/1", "author": ["A. Writer", "B. Writer"]},
    {"title": "Talks resume", "text": "Negotiators met again in Doha, officials said.", "date": "February 20, 2024"},
]


def test_an_array_of_articles_gives_their_text_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps(ARTICLES, indent=2), encoding="utf-8")
    first, second = list(read_file(path))
    assert isinstance(first, SourceDocument) and isinstance(second, SourceDocument)
    assert (first.title, first.published, first.source, first.url, first.author, first.doc_id) == (
        "Iraq reopens Rabia crossing", "2024-02-19", "Wire A", "https://example.org/1", "A. Writer, B. Writer",
        "items-x-1")
    assert first.origin == f"{path}[0]"
    assert (second.published, second.origin, second.doc_id) == ("2024-02-20", f"{path}[1]", "items-1")


def test_bad_elements_are_errors_naming_the_index_and_the_others_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    elements = [ARTICLES[0], ["not", "an", "object"], {"title": "no text"}, {"text": "   "}, {"text": 12}, ARTICLES[1]]
    path.write_text(json.dumps(elements), encoding="utf-8")
    items = list(read_file(path))
    assert [d.origin for d in docs(items)] == [f"{path}[0]", f"{path}[5]"]
    assert [(e.origin, e.reason) for e in errors(items)] == [
        (f"{path}[1]", "expected an article object, got list"),
        (f"{path}[2]", "no text column (text, content, body, article...; name it with --text-column); "
                       "the object has keys 'title'"),
        (f"{path}[3]", "the text ('text') is empty"),
        (f"{path}[4]", "'text' is int, not text"),
    ]


def test_a_truncated_array_keeps_the_elements_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    whole = json.dumps(ARTICLES)
    path.write_text(whole[: whole.index("Negotiators") + 5], encoding="utf-8")
    items = list(read_file(path))
    assert [d.title for d in docs(items)] == ["Iraq reopens Rabia crossing"]
    [error] = errors(items)
    assert error.origin == f"{path}[1]" and "not valid JSON" in error.reason


def test_elements_across_read_chunks_are_all_read(tmp_path: Path) -> None:
    body = "The ministry said the convoy crossed the border near Rabia on Monday night. " * 60
    elements = [{"text": f"{n}. {body}", "title": f"Story {n}", "rank": n * 1.5} for n in range(600)]  # ~2.8 MB
    path = tmp_path / "many.json"
    path.write_text(json.dumps(elements), encoding="utf-8")
    items = list(read_file(path))
    assert [d.title for d in docs(items)] == [f"Story {n}" for n in range(600)]
    assert docs(items)[599].meta == {"rank": 898.5}


def test_one_article_object_is_one_document_and_other_objects_are_not_articles(tmp_path: Path) -> None:
    single = tmp_path / "story.json"
    single.write_text(json.dumps({"headline": "Talks resume", "content": "Negotiators met again in Doha."}))
    [doc] = list(read_file(single))
    assert isinstance(doc, SourceDocument) and (doc.title, doc.origin, doc.doc_id) == (
        "Talks resume", str(single), "story")
    data = tmp_path / "gold.json"
    data.write_text(json.dumps({"doc": "x", "entities": [], "claims": []}))
    [refused] = list(read_file(data))
    assert isinstance(refused, NotArticles)
    assert refused.reason == "a JSON object without article text; the object has keys 'doc', 'entities', 'claims'"


def test_key_options_apply_to_json_objects(tmp_path: Path) -> None:
    path = tmp_path / "custom.json"
    path.write_text(json.dumps([{"story": "Iraq said the border was open.", "hed": "Border open", "when": "2024-02"}]))
    [doc] = list(read_file(path, options=ReadOptions(columns=Columns(text="story", title="hed", date="when"))))
    assert isinstance(doc, SourceDocument) and (doc.title, doc.published) == ("Border open", "2024-02")


def test_json_that_is_not_articles_gets_a_clear_error(tmp_path: Path) -> None:
    for name, content, fragment in [("scalar.json", "42", "not JSON articles"), ("empty.json", "[]", "empty JSON array"),
                                    ("junk.json", "[{\"text\": \"a\"} garbage", "expected ',' or ']'"),
                                    ("blank.json", "  \n", "only whitespace")]:
        path = tmp_path / name
        path.write_text(content)
        items = list(read_file(path))
        assert errors(items) and fragment in errors(items)[-1].reason, (name, [str(e) for e in errors(items)])


def test_a_file_without_extension_is_sniffed_as_json(tmp_path: Path) -> None:
    array = tmp_path / "dump"
    array.write_text(json.dumps(ARTICLES))
    lines = tmp_path / "lines"
    lines.write_text("\n".join(json.dumps(a) for a in ARTICLES))
    assert [d.origin for d in docs(read_file(array))] == [f"{array}[0]", f"{array}[1]"]
    assert [d.origin for d in docs(read_file(lines))] == [f"{lines}:1", f"{lines}:2"]


def test_a_json_file_in_a_legacy_encoding_is_refused_like_text(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_bytes(json.dumps([{"text": "Le ministre a déclaré à Beyrouth que l'accord était signé."}],
                                ensure_ascii=False).encode("cp1252"))
    [error] = list(read_file(path))
    assert isinstance(error, InputError) and "not valid UTF-8" in error.reason
    [doc] = list(read_file(path, encoding="cp1252"))
    assert isinstance(doc, SourceDocument) and "déclaré" in doc.text


def test_text_that_merely_starts_with_a_bracket_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "wire"
    path.write_text("[Reuters] Iran said on Monday that talks in Vienna would resume.\n{Editor's note: updated.}")
    [doc] = list(read_file(path))
    assert isinstance(doc, SourceDocument) and doc.text.startswith("[Reuters]")
