"""bench/common.py: the TempEval-3 reader the date benches share, on the shared TimeML files.

bench/ is a folder of scripts, not a package: the module is loaded from its file, as the scripts import it.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from types import ModuleType

import pytest

from tests.shared import ROOT, shared_file


@pytest.fixture(scope="module")
def common() -> ModuleType:
    spec = importlib.util.spec_from_file_location("common", ROOT / "bench" / "common.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("common", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["AP_20130322.tml", "nyt_20130321_cyprus.tml"])
def test_a_timeml_text_is_read_without_its_tags_and_each_element_keeps_its_words(common: ModuleType,
                                                                                  name: str) -> None:
    path = shared_file("benchmarks", "dates", name)
    tml = common.read_timeml(path)
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    assert "<" not in tml.text and tml.text == html.unescape(re.sub(r"<[^>]+>", "", body))
    # every element of the TEXT is there once, its span in the plain text holding the words it wraps
    written = {(tag, attrs): html.unescape(words)
               for tag, attrs, words in re.findall(r"<(EVENT|TIMEX3)\b([^>]*)>([^<]*)</\1>", body)}
    assert len(tml.tagged) == len(written) > 10
    for element in tml.tagged:
        ident = element.attrs.get("eid") or element.attrs["tid"]
        words = next(w for (tag, attrs), w in written.items() if tag == element.tag and f'"{ident}"' in attrs)
        assert tml.text[element.start:element.end] == words
    # the creation time is the document's own date, t0 among the file's timexes
    t0 = next(t for t in common.elements(raw, "TIMEX3") if t["tid"] == "t0")
    assert tml.dct.isoformat() == t0["value"][:10]
