"""Corpus resolution on real extractions: one corpus entity per real thing, and nothing merged that is two.

Every document here goes through the real pipeline: the shared FA-KES development articles,
our examples, and short reports written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.geo import distance_km
from newsgraph.model import Document
from newsgraph.resolve import resolve_documents
from newsgraph.resolve.batch import Resolution
from newsgraph.resolve.keys import name_key, transliteration

BASHAR = ("Syrian President Bashar al-Assad met an Iranian delegation in Damascus on Monday, the state news "
          "agency SANA reported. Assad said the talks had gone well.")
ASSAD = "Assad told the visitors that the war was not over, the agency said on Tuesday."
HAFEZ = "Hafez al-Assad ruled Syria for three decades until his death in 2000. Assad built the army his son inherited."


def corpus_id(resolution: Resolution, doc: Document, name: str) -> str:
    entity = doc.entity_named(name)
    assert entity is not None, f"{name!r} not extracted from {doc.doc_id}: {[e.name for e in doc.entities]}"
    return resolution.ids[(doc.doc_id, entity.id)]


def test_the_ghouta_reports_share_their_entities(fakes_docs: dict[str, Document]) -> None:
    docs = [fakes_docs[d] for d in ("fakes-0482", "fakes-0495", "fakes-0516")]
    resolution = resolve_documents(docs)
    a, b, c = docs
    # "Bashar al-Assads forces" (495, apostrophe lost: the scraped-text tokenizer reads it as his name and
    # "'s") and "Assads regime" (516, never his full name there) are the president of 482
    assert corpus_id(resolution, a, "Bashar al-Assad") == corpus_id(resolution, b, "Bashar al-Assad") \
        == corpus_id(resolution, c, "Assads") == "per:bashar-al-assad"
    assert corpus_id(resolution, a, "Syria") == corpus_id(resolution, c, "Syria") == "country:SY"
    assert corpus_id(resolution, a, "Damascus") == corpus_id(resolution, b, "Damascus") == "geonames:170654"
    # "U.N." (495) is the United Nations of 482 and 516, and the Security Council is not
    un = {corpus_id(resolution, doc, "United Nations") for doc in docs}
    council = {corpus_id(resolution, doc, "United Nations Security Council") for doc in docs}
    assert len(un) == 1 and len(council) == 1 and un != council


def test_the_hasakeh_reports_share_their_entities(fakes_docs: dict[str, Document]) -> None:
    a, b = fakes_docs["fakes-0042"], fakes_docs["fakes-0063"]
    resolution = resolve_documents([a, b])
    # two spellings, one GeoNames town
    assert corpus_id(resolution, a, "Hasakeh") == corpus_id(resolution, b, "Hasakah") == "geonames:173811"
    # an acronym joins its expansion because a document links them
    assert corpus_id(resolution, a, "Syrian Democratic Forces") == corpus_id(resolution, b, "SDF")
    assert corpus_id(resolution, a, "YPG") == corpus_id(resolution, b, "Kurdish Peoples Protection Units")
    assert corpus_id(resolution, a, "Rami Abdel Rahman") == corpus_id(resolution, b, "Rami Abdel Rahman")
    assert corpus_id(resolution, a, "YPG") != corpus_id(resolution, a, "Syrian Democratic Forces")
    assert corpus_id(resolution, a, "Syrian Observatory for Human Rights") \
        != corpus_id(resolution, a, "Rami Abdel Rahman")


def test_a_surname_joins_the_one_full_name_documents_give_it_for(write: Callable[[str, str], Document]) -> None:
    bashar, assad, hafez = write("bashar", BASHAR), write("assad", ASSAD), write("hafez", HAFEZ)
    alone = resolve_documents([bashar, assad])
    assert corpus_id(alone, assad, "Assad") == corpus_id(alone, bashar, "Bashar al-Assad") == "per:bashar-al-assad"
    # with Hafez al-Assad in the corpus too, "Assad" alone may be either: it stays apart, as a candidate
    both = resolve_documents([bashar, assad, hafez])
    lone = corpus_id(both, assad, "Assad")
    assert lone not in {corpus_id(both, bashar, "Bashar al-Assad"), corpus_id(both, hafez, "Hafez al-Assad")}
    assert corpus_id(both, bashar, "Bashar al-Assad") != corpus_id(both, hafez, "Hafez al-Assad")
    pairs = {(c.left, c.right): c for c in both.candidates}
    candidate = pairs[tuple(sorted((lone, "per:bashar-al-assad")))]  # type: ignore[index]
    assert candidate.evidence_for and "2 clusters" in candidate.evidence_against[0]


def test_transliterations_of_one_person_meet(write: Callable[[str, str], Document]) -> None:
    docs = [write("rami1", "Rami Abdel Rahman, the head of the Syrian Observatory for Human Rights, said 16 "
                           "people were killed."),
            write("rami2", "Rami Abdulrahman, who runs the Britain-based monitor, said the toll was likely to rise."),
            write("rami3", "At least 20 fighters died in the clashes, Rami Abdurrahman told AFP.")]
    resolution = resolve_documents(docs)
    assert len({corpus_id(resolution, d, n) for d, n in zip(
        docs, ("Rami Abdel Rahman", "Rami Abdulrahman", "Rami Abdurrahman"), strict=True)}) == 1


def test_an_airbase_is_not_its_town_and_a_village_is_not_its_country(
        write: Callable[[str, str], Document]) -> None:
    base = write("base", "Russian cargo planes flew from Hmeimim air base to Libya on Sunday, flight-tracking data "
                         "showed. Hmeimim has been Russia's main base in Syria since 2015.")
    town = write("town", "Residents of the village of Hmeimim, south of Latakia, said the shelling had stopped.")
    village = write("village", "Shelling hit the village of Umm Jurn in Syria's Idlib province and the town of "
                               "Saraqeb, the Syrian Observatory for Human Rights said.")
    district = write("district", "Government forces shelled the Jobar district of Damascus and the village of "
                                 "Ain Tarma in Syria, activists said.")
    resolution = resolve_documents([base, town, village, district])
    assert corpus_id(resolution, base, "Hmeimim air base") != corpus_id(resolution, town, "Hmeimim")
    # villages the gazetteer has no point for: each is itself, none is Syria; the district of a town takes
    # the town's point ("the Jobar district of Damascus")
    places = [(village, "Umm Jurn"), (district, "Jobar"), (district, "Ain Tarma")]
    for doc, name in places:
        entity = doc.entity_named(name)
        assert entity is not None and entity.country == "SY"
        assert entity.lat is None if name != "Jobar" else distance_km(entity.lat, entity.lon, 33.51, 36.29) < 10
    ids = {corpus_id(resolution, doc, name) for doc, name in places}
    assert len(ids) == 3 and "country:SY" not in ids
    assert corpus_id(resolution, village, "Syria") == corpus_id(resolution, district, "Syria") == "country:SY"


def test_an_acronym_no_document_expands_is_only_a_candidate(write: Callable[[str, str], Document]) -> None:
    named = write("named", "The Tillaberi Defence Committee said on Friday that its fighters had repelled an attack.")
    short = write("short", "The TDC denied that its members had detained civilians, a spokesman told reporters.")
    linked = write("linked", "The Tillaberi Defence Committee (TDC) said its fighters had been ambushed near Kokorou.")
    apart = resolve_documents([named, short])
    assert corpus_id(apart, named, "Tillaberi Defence Committee") != corpus_id(apart, short, "TDC")
    assert any(c.kind == "acronym" for c in apart.candidates)
    together = resolve_documents([named, short, linked])
    assert corpus_id(together, named, "Tillaberi Defence Committee") == corpus_id(together, short, "TDC")


def test_our_examples_resolve_without_joining_different_things(example_docs: dict[str, Document]) -> None:
    resolution = resolve_documents(example_docs.values())
    by_id: dict[str, set[tuple[str, str]]] = {}
    for doc in example_docs.values():
        for entity in doc.entities:
            by_id.setdefault(resolution.ids[(doc.doc_id, entity.id)], set()).add((doc.doc_id, entity.type))
    # clean texts: no corpus entity gathers two entities of one document, or a person with a place
    for cid, members in by_id.items():
        docs = [d for d, _ in members]
        assert len(docs) == len(set(docs)), cid
        types = {t for _, t in members}
        assert not ("PER" in types and types & {"GPE", "LOC", "FAC"}), (cid, types)
    russia = {resolution.ids[(d.doc_id, e.id)] for d in example_docs.values() for e in d.entities if e.name == "Russia"}
    assert russia == {"country:RU"}
    hezbollah = {resolution.ids[(d.doc_id, e.id)] for d in example_docs.values() for e in d.entities
                 if e.name == "Hezbollah"}
    assert len(hezbollah) == 1


def test_transliterations_of_one_village_are_one_place(write: Callable[[str, str], Document]) -> None:
    # the places normaliser's spelling: one Arabic name written by two outlets
    a = write("kafraya", "Rebels shelled the villages of Kafraya and Madaya on Monday, the Observatory said.")
    b = write("kefraya", "Rebels shelled the villages of Kefraya and Madaya on Monday, activists said.")
    resolution = resolve_documents([a, b])
    assert corpus_id(resolution, a, "Kafraya") == corpus_id(resolution, b, "Kefraya")


def test_long_vowels_doubled_letters_and_final_vowels_are_one_transliteration(
        write: Callable[[str, str], Document]) -> None:
    # "ou"/"u", "ss"/"s", "-eh"/"-a": two outlets' spellings of one Aleppo district (FA-KES 0288, 0460), too far
    # apart for the spelling ratio
    a = write("ramouseh", "Terrorists attacked al-Ramouseh neighborhood in Aleppo city with rockets on Monday.")
    b = write("ramussa", "The rebel assault aims to seize the Ramussa neighbourhood on the city's southern outskirts.")
    resolution = resolve_documents([a, b])
    assert corpus_id(resolution, a, "al-Ramouseh") == corpus_id(resolution, b, "Ramussa")
    assert transliteration(name_key("al-Ramouseh")) == transliteration(name_key("Ramussa")) == "ramusa"
    assert transliteration(name_key("Midan")) != transliteration(name_key("Mayadin"))


def test_an_airfield_is_one_facility_whatever_word_calls_it(write: Callable[[str, str], Document]) -> None:
    a = write("airbase", "Islamic State fighters overran the Tabqa airbase on Sunday.")
    b = write("base", "Kurdish-led forces captured the Tabqa base from Islamic State on Monday, the Observatory said.")
    c = write("dam", "The Tabqa Dam on the Euphrates was damaged in the fighting, engineers said.")
    resolution = resolve_documents([a, b, c])
    assert corpus_id(resolution, a, "Tabqa airbase") == corpus_id(resolution, b, "Tabqa base")
    assert corpus_id(resolution, c, "Tabqa Dam") != corpus_id(resolution, a, "Tabqa airbase")


def test_a_translated_group_name_is_the_transliterated_one(write: Callable[[str, str], Document]) -> None:
    a = write("islam-army", "Rocket attacks by Islam Army insurgents killed 10 people in Damascus on Thursday.")
    b = write("jaish", "Jaish al-Islam said on Friday that its fighters had repelled an attack near Douma.")
    resolution = resolve_documents([a, b])
    assert corpus_id(resolution, a, "Jaish al-Islam") == corpus_id(resolution, b, "Jaish al-Islam")
    assert "Islam Army" in (a.entity_named("Jaish al-Islam") or a.entities[0]).aliases


def test_vowels_in_other_places_are_other_places(write: Callable[[str, str], Document]) -> None:
    # every vowel run is one vowel in that spelling: "Midan" and "Mayadin" share it, and are two places
    a = write("midan", "Shells fell on the al-Midan district of Damascus on Monday, state media said.")
    b = write("mayadin", "Air strikes hit the town of Mayadin in Deir Ezzor province on Monday, activists said.")
    resolution = resolve_documents([a, b])
    assert corpus_id(resolution, a, "al-Midan") != corpus_id(resolution, b, "Mayadin")


def test_a_compass_adjective_and_a_kind_word_name_the_same_place(write: Callable[[str, str], Document]) -> None:
    a = write("eastern", "Government forces advanced in Eastern Ghouta on Monday near the Euphrates River.")
    b = write("east", "Government forces advanced in East Ghouta on Monday near the Euphrates.")
    resolution = resolve_documents([a, b])
    assert corpus_id(resolution, a, "Eastern Ghouta") == corpus_id(resolution, b, "East Ghouta")
    assert corpus_id(resolution, a, "Euphrates River") == corpus_id(resolution, b, "Euphrates")


def test_an_organisation_without_its_country_adjective_is_that_one(write: Callable[[str, str], Document]) -> None:
    a = write("snc", "The Syrian National Coalition condemned the air strikes on Monday.")
    b = write("nc", "The National Coalition said on Tuesday that the talks had failed.")
    c = write("tfm", "The Turkish Foreign Ministry summoned the ambassador. The Russian Foreign Ministry denied it.")
    resolution = resolve_documents([a, b, c])
    assert corpus_id(resolution, a, "Syrian National Coalition") == corpus_id(resolution, b, "National Coalition")
    # two countries' ministries stay two, whatever short names documents use
    assert corpus_id(resolution, c, "Turkish Foreign Ministry") != corpus_id(resolution, c, "Russian Foreign Ministry")


def test_an_armed_group_with_and_without_front_is_one_group(write: Callable[[str, str], Document]) -> None:
    a = write("jfs", "Jabhat Fateh al-Sham fighters attacked the town on Monday, the Observatory said.")
    b = write("fsf", "Fighters of the Fatah al-Sham Front shelled the village, residents said on Tuesday.")
    c = write("fs", "Rebels led by Fatah al-Sham vowed revenge for the strike on Wednesday.")
    d = write("nusra", "The al-Nusra Front said on Thursday that it had captured the hill.")
    resolution = resolve_documents([a, b, c, d])
    group = corpus_id(resolution, a, "Jabhat Fateh al-Sham")
    assert corpus_id(resolution, b, "Fatah al-Sham Front") == corpus_id(resolution, c, "Fatah al-Sham") == group
    # its earlier name is another name only where a document says so: nothing here does
    assert corpus_id(resolution, d, "al-Nusra Front") != group


def test_an_old_city_is_a_part_of_each_report_s_city(write: Callable[[str, str], Document]) -> None:
    # generic words alone name a part of whatever city the report is about: never one place across reports
    a = write("homs", "Rebels left the Old City of Homs on Monday under a truce, the governor said.")
    b = write("aleppo", "Barrel bombs hit the Old City in Aleppo on Tuesday, activists said.")
    c = write("aleppo2", "Shells fell on the Old City of Aleppo on Friday, state media said.")
    resolution = resolve_documents([a, b, c])
    old = {corpus_id(resolution, doc, "Old City") for doc in (a, b, c)}
    assert len(old) == 3
    assert corpus_id(resolution, b, "Aleppo") == corpus_id(resolution, c, "Aleppo") not in old


def test_a_short_name_with_the_abbreviation_joins_the_full_name(write: Callable[[str, str], Document]) -> None:
    a = write("rc", "Air strikes near Idlib killed nine Red Crescent [SARC] volunteers on Monday, medics said.")
    b = write("sarc", "The Syrian Arab Red Crescent (SARC) said on Tuesday that its convoy had reached Madaya.")
    c = write("alone", "SARC said on Wednesday that it had handed out bread in Madaya.")
    resolution = resolve_documents([a, b, c])
    assert corpus_id(resolution, a, "Red Crescent") == corpus_id(resolution, b, "Syrian Arab Red Crescent") \
        == corpus_id(resolution, c, "SARC")


DEFENCE = ("The Russian Defence Ministry said its jets had struck a weapons depot near the town on Monday.",
           "The Russian Defence Ministry said on Thursday that two of its soldiers had been wounded.")
DEFENSE = ("The Russian Defense Ministry denied on Tuesday that its aircraft had hit a hospital.",
           "The Russian Defense Ministry said on Wednesday that a ceasefire would begin at noon.",
           "A convoy was attacked near Aleppo, the Russian Defense Ministry said on Friday.",
           "The Russian Defense Ministry said on Saturday that its warships had left the port of Tartus.")


def test_two_spellings_cited_about_equally_keep_one_id_as_their_counts_cross(
        write: Callable[[str, str], Document]) -> None:
    defence = [write(f"defence{i}", t) for i, t in enumerate(DEFENCE)]
    defense = [write(f"defense{i}", t) for i, t in enumerate(DEFENSE)]

    def ministry(docs: list[Document]) -> str:
        resolution = resolve_documents(docs)
        ids = {corpus_id(resolution, d, "Russian Defence Ministry" if d in defence else "Russian Defense Ministry")
               for d in docs}
        assert len(ids) == 1, ids  # the two spellings are one ministry
        return ids.pop()

    # 1 against 2, 2 against 2, 2 against 3, 1 against 3: within one power of two of each other (members counted
    # as powers of two), the id does not follow whichever spelling is ahead (before, it swapped at each crossing)
    assert ministry(defence[:1] + defense[:2]) == ministry(defence + defense[:2]) \
        == ministry(defence + defense[:3]) == ministry(defence[:1] + defense[:3]) == "org:russian-defence-ministry"
    # one spelling with more than twice the other's documents in powers of two (4 against 1) is the id
    assert ministry(defence[:1] + defense) == "org:russian-defense-ministry"


def test_a_cluster_id_moves_only_when_a_count_doubles(write: Callable[[str, str], Document]) -> None:
    """Two names growing at a steady ratio near ``id_dominance`` (the Syrian army and the Syrian Arab Army in FA-KES,
    60 and 28 members after three copies of its articles) give one id over a long stretch, not one per crossing of the ratio."""
    from newsgraph.resolve.cluster import cluster_id
    from newsgraph.resolve.members import members_of
    from newsgraph.resolve.nodes import Node, add_members

    army = write("army", "The Syrian Army shelled the town on Monday, residents said.")
    arab_army = write("arab-army", "The Syrian Arab Army took the hill on Tuesday, state media said.")

    def node(doc: Document, name: str, members: int) -> Node:
        member = next(m for m in members_of(doc) if m.name == name)
        return add_members(None, member.node, [member] * members)  # a node counts its members

    def named(top: int, other: int) -> str:
        return cluster_id([node(army, "Syrian Army", top), node(arab_army, "Syrian Arab Army", other)])

    # the ratio moves about 2 as documents come in: one id while the top name goes from 64 to 127 members and the
    # other from 32 to 63 (before, the id changed with every document tipping the ratio over 2 or under it)
    assert {named(64 + k, 32 + k // 2) for k in range(60)} == {"org:syrian-arab-army"}
    # within one power of two the name of more words; a name with more than twice the other's power of two wins
    assert named(40, 17) == "org:syrian-arab-army"
    assert named(40, 15) == "org:syrian-army"


def test_a_node_profile_is_the_sum_of_its_members_counts(fakes_docs: dict[str, Document]) -> None:
    """A node's profile counts, over its members, each name, name key, alias key, role head, country,
    affiliation, type and GeoNames id; adding members to a stored node or to none gives the same profile,
    and taking members out again gives back what was there before. The expected counts are written out here
    from the members' fields, apart from the code that counts them."""
    from collections import Counter

    from newsgraph.resolve.members import Member, members_of
    from newsgraph.resolve.nodes import _FIELDS, add_members, remove_members

    members = [m for doc in fakes_docs.values() for m in members_of(doc)]
    assert len({m.node for m in members}) < len(members)  # some node has members from two documents
    by_node: dict[str, list[Member]] = {}
    for m in members:
        by_node.setdefault(m.node, []).append(m)
    for key, group in by_node.items():
        expected = {
            "names": Counter(m.name for m in group),
            "keys": Counter(m.key for m in group if m.key),
            "alias_keys": Counter(k for m in group for k in m.alias_keys),
            "roles": Counter(r for m in group for r in m.role_heads),
            "countries": Counter(c for m in group for c in m.countries),
            "affiliations": Counter(a for m in group for a in m.affiliations),
            "types": Counter(m.type for m in group),
            "geonames": Counter(str(m.geonames_id) for m in group if m.geonames_id is not None),
        }
        first = add_members(None, key, group[:1])
        node = add_members(first, key, group[1:])
        assert node.members == len(group)
        assert {f: dict(getattr(node, f)) for f in _FIELDS} == {f: dict(c) for f, c in expected.items()}
        assert node == add_members(None, key, group)
        assert remove_members(node, group[1:]) == first
        emptied = remove_members(node, group)
        assert emptied.members == 0 and not any(getattr(emptied, f) for f in _FIELDS)
