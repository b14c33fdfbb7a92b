"""Title Case headlines run into the text of scraped articles: their common words make no entity, the names
inside them stay (FA-KES rows read from ../shared at test time)."""

from __future__ import annotations

import pytest

from .reading import extract, type_by_name


@pytest.mark.parametrize(("row", "junk", "kept"), [
    (752, "Blast Kills Grand Mosque", ("Grand Mosque", "Damascus")),  # "Terrorist Blast Kills Grand Mosque Imam"
    (604, "Oil Field East", ("Syrian Army", "Homs")),  # "... ISIS Terrorists in Oil Field East of Homs."
    (459, "Schools & Public Market", ("Idlib", "Russia")),  # "... Airstrikes on Schools & Public Market in ..."
    (491, "Deadly Aerial Campaign", ("Idlib", "Free Syrian Army")),
])
def test_a_headlines_common_words_are_no_entity(fakes_rows: list[dict[str, str]], row: int, junk: str,
                                                kept: tuple[str, ...]) -> None:
    text = fakes_rows[row]["article_content"]
    assert junk in text[:400]
    names = type_by_name(extract(text))
    assert junk not in names
    assert all(name in names for name in kept), names


def test_a_name_in_a_headline_whose_words_the_text_never_writes_in_lower_case_stays(
        fakes_rows: list[dict[str, str]]) -> None:
    # "... Russian Air Force ..." in the headline of row 500: "russian" is never a common word
    names = type_by_name(extract(fakes_rows[500]["article_content"]))
    assert names.get("Russian Air Force") == "ORG"

