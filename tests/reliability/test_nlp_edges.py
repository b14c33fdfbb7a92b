"""Text that breaks NLP assumptions still extracts, within the time limit, with offsets intact."""

from __future__ import annotations

import random
import time

import pytest

from newsgraph import extract
from newsgraph.errors import ExtractionError
from newsgraph.ingest.limits import time_limit
from newsgraph.settings import settings

from .checks import assert_consistent

WORDS = ["the", "minister", "said", "Iran", "and", "Syria", "would", "sign", "an", "agreement", "in", "Damascus", "on", "Monday", "while", "Hezbollah", "fired", "rockets", "at", "Israel", "according", "to", "officials", "in", "Beirut"]


def _words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


EDGE_TEXTS = {
    "no punctuation": _words(400, 1),
    "all caps": ("IRAN'S FOREIGN MINISTER MET BASHAR AL-ASSAD IN DAMASCUS ON MARCH 4, 2023. "
                 "HE SAID TEHRAN WOULD \"NEVER ABANDON\" SYRIA, STATE MEDIA REPORTED."),
    "right-to-left mixed": ("Iran's foreign minister عباس عراقجي met Bashar al-Assad in دمشق on March 4, 2023, "
                            "\u202bقالت الوكالة\u202c the state news agency SANA reported."),
    "zero-width": ("Ira\u200bn's foreign mini\u200dster met Bashar al-\u200cAssad in Dam\ufeffascus on "
                   "March\u2060 4, 2023, the agency said."),
    "control characters": ("Iran said\x07 on Monday\x1b[31m that talks\r\nwould resume\x0c in Vienna.\x00 "
                           "The EU\u0085welcomed it.\u2028Russia did not\x7f comment."),
    "quotes and dashes only": "“ ” ‘ ’ « » — – ... !!! ??? \" ' „ ‚ ‹ ›",
    "digits and dates": "2023-13-45 31/02/2021 March 32, 2020 Q3 2021 1701 $12 12:00 0000-00-00 9999",
    "one character": "x",
    "emoji and symbols": "🚀🇮🇷🇸🇾 Iran 🇮🇷 said 💥 on Monday ✓ that 中文 текст ελληνικά talks resumed.",
}


@pytest.mark.parametrize("name", list(EDGE_TEXTS))
def test_edge_text_extracts_consistently(name: str) -> None:
    text = EDGE_TEXTS[name]
    with time_limit(60):
        doc = extract(text, "2023-05-20")
    assert_consistent(doc, text)


def test_ten_thousand_tokens_in_one_sentence_finishes() -> None:
    text = _words(10_000, 2) + "."
    start = time.monotonic()
    with time_limit(120):
        doc = extract(text)
    assert_consistent(doc, text)
    assert time.monotonic() - start < 120


def test_time_limit_stops_a_slow_document_and_the_pipeline_still_works() -> None:
    text = _words(20_000, 3)
    start = time.monotonic()
    with pytest.raises(ExtractionError, match=r"longer than the 0\.5 s limit"), time_limit(0.5):
        extract(text)
    assert time.monotonic() - start < 10  # the alarm lands promptly, not after the whole parse
    follow_up = "Iran's foreign minister visited Damascus on March 4, 2023."
    assert_consistent(extract(follow_up), follow_up)


def test_oversized_text_is_refused_with_a_clear_message() -> None:
    parser_limit = settings().limits.parser_max_chars
    with pytest.raises(ExtractionError, match="limit"):
        extract("a" * (parser_limit + 1))
