"""A date at the end of the aim of a launching dates the launch ("launched an offensive to retake Manbij on May
31"); a date that names a time beats "now" for one event. On FA-KES articles read from ../shared at test time and
on sentences written in their style."""

from __future__ import annotations

import csv

import pytest

from newsgraph.pipeline import extract
from tests.events.reading import PUBLISHED, participants
from tests.shared import shared_file


@pytest.fixture(scope="module")
def fakes_rows() -> list[dict[str, str]]:
    with shared_file("benchmarks", "news", "FA-KES-Dataset.csv").open(encoding="latin-1") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(("text", "trigger", "date", "actor"), [
    # the parser hangs the date on the aim's infinitive: on "retake" (of the offensive) or "seize" (of launching)
    ("The Syrian Democratic Forces launched an offensive to retake Manbij from Islamic State on May 31.",
     "launched offensive", "2016-05-31", "Syrian Democratic Forces"),
    ("Rebels in Idlib mounted an attack to recapture the Castello Road north of Aleppo on Monday.",
     "mounted attack", "2016-09-19", "Idlib"),
    # "now" reaches the launch through "and are now ...", and yields to the month
    ("The Syrian Democratic Forces launched the Wrath of Euphrates operation to seize control over Raqqa in "
     "November 2015 and are now in the fourth stage of the campaign.", "launched", "2015-11",
     "Syrian Democratic Forces"),
])
def test_the_date_of_a_launchings_aim_dates_the_launch(text: str, trigger: str, date: str, actor: str) -> None:
    doc = extract(text, PUBLISHED)
    found = [e for e in doc.events if e.trigger == trigger]
    assert found and found[0].date == date and actor in participants(doc, found[0]), [
        (e.trigger, e.date, participants(doc, e)) for e in doc.events]


def test_an_aim_promised_is_not_a_launch() -> None:
    # "vowed" launches nothing: what it promises keeps the date it had before
    doc = extract("The army vowed to retake Aleppo from the rebels in December.", PUBLISHED)
    assert not [e for e in doc.events if e.trigger.startswith("launch")]


@pytest.mark.parametrize(("row", "published", "trigger", "date"), [
    (754, "2016-07-29", "launched offensive", "2016-05-31"),  # "launched an offensive to retake Manbij from IS on May 31"
    (329, "2016-10-13", "launched offensive", "2016-09-22"),  # "launched the offensive to retake ... on September 22"
    (688, "2017-04-28", "launched", "2016-11"),  # "... to seize control over Syrias Raqqa ... in November 2016 and are now"
])
def test_scraped_launches_take_the_date_their_aim_carries(fakes_rows: list[dict[str, str]], row: int, published: str,
                                                          trigger: str, date: str) -> None:
    doc = extract(fakes_rows[row]["article_content"], published)
    assert date in [e.date for e in doc.events if e.trigger == trigger], [(e.trigger, e.date) for e in doc.events]


@pytest.mark.parametrize(("text", "trigger"), [
    # "waged" is lemmatised "wag" by the small model; the place the aim would take is what the assault is against
    ("The loyalist army has waged an offensive since early March to recapture eastern Aleppo.", "waged offensive"),
    ("Loyalist troops waged a fierce assault to recapture eastern Aleppo.", "waged assault"),
    ("Loyalist troops were waging an assault to retake eastern Aleppo.", "waging assault"),
])
def test_a_waged_assault_is_against_what_its_aim_would_take(text: str, trigger: str) -> None:
    doc = extract(text, PUBLISHED)
    found = [e for e in doc.events if e.trigger == trigger]
    assert found and participants(doc, found[0]) == {"Aleppo"}, [
        (e.trigger, e.date, participants(doc, e)) for e in doc.events]


def test_a_waged_offensive_takes_its_date() -> None:
    doc = extract("The loyalist army has waged an offensive since early March to recapture eastern Aleppo.", PUBLISHED)
    assert [e.date for e in doc.events if e.trigger == "waged offensive"] == ["2016-03"]
