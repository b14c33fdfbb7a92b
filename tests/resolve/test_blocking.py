"""Blocking: which nodes are compared at all. Two reports' names of one thing must share an index key
(``links.blocking_keys``), or resolution never weighs them; names of two things should share none.

Each report here is written for the test and goes through the real pipeline.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Document
from newsgraph.resolve.links import blocking_keys
from newsgraph.resolve.members import members_of
from newsgraph.resolve.nodes import Node, build_nodes

Write = Callable[[str, str], Document]

REPORTS = {
    "lavrov-full": "Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Tuesday, the ministry said.",
    "lavrov-title": "Russian Foreign Minister Lavrov said the talks would go on.",
    "coalition-full": "The Syrian National Coalition said on Monday that it would not attend the conference in Geneva.",
    "coalition-short": "A spokesman for the National Coalition said the opposition wanted guarantees first.",
    "union-full": "The Northern Farmers Union said on Monday that grain prices had fallen by a third since March.",
    "union-initials": "The NFU warned that many growers would not plant wheat next spring.",
    "party-full": "The Kurdish Democratic Party said on Monday that it would boycott the vote.",
    "province": "Residents fled villages in Raqqa province after the strikes, activists said.",
    "city": "Aircraft struck the outskirts of Raqa on Friday, a local council said.",
    "air-base": "Government troops retook the Tabqa air base in August, the army said.",
    "airport": "Fighters shelled the Tabqa military airport overnight, a monitor said.",
}


def node_named(write: Write, report: str, name: str) -> Node:
    """The node of the entity called ``name`` in one of the reports above."""
    doc = write(report, REPORTS[report])
    entity = doc.entity_named(name)
    assert entity is not None, f"{name!r} not extracted from {report}: {[e.name for e in doc.entities]}"
    member = next(m for m in members_of(doc) if m.local_id == entity.id)
    return build_nodes([member])[member.node]


@pytest.mark.parametrize(("one", "other", "shared"), [
    (("lavrov-full", "Sergei Lavrov"), ("lavrov-title", "Lavrov"), "t:lavrov"),  # a person by the surname
    # an organisation without the country that qualifies it
    (("coalition-full", "Syrian National Coalition"), ("coalition-short", "National Coalition"),
     "n:national coalition"),
    (("union-full", "Northern Farmers Union"), ("union-initials", "NFU"), "a:nfu"),  # by its initials
    (("province", "Raqqa province"), ("city", "Raqa"), "n:raqa"),  # without the kind word, one letter for two
    (("air-base", "Tabqa air base"), ("airport", "Tabqa military airport"), "n:tabqa airfield"),  # one airfield
])
def test_two_names_of_one_thing_share_a_blocking_key(write: Write, one: tuple[str, str], other: tuple[str, str],
                                                      shared: str) -> None:
    a, b = node_named(write, *one), node_named(write, *other)
    assert shared in blocking_keys(a) & blocking_keys(b)


def test_names_of_two_things_share_none(write: Write) -> None:
    union = blocking_keys(node_named(write, "union-full", "Northern Farmers Union"))
    assert not union & blocking_keys(node_named(write, "party-full", "Kurdish Democratic Party"))
    assert not union & blocking_keys(node_named(write, "lavrov-full", "Sergei Lavrov"))
    assert not blocking_keys(node_named(write, "province", "Raqqa province")) \
        & blocking_keys(node_named(write, "air-base", "Tabqa air base"))
