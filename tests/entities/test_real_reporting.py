"""The entity stage on real reporting: scraped FA-KES articles read from ../shared at test time, and
sentences written for these tests in the styles real reporting has (wire copy, comma-less scraped
text, analysis).  Each test asserts what the stage extracts: entities, types, roles and joins, and
that a mention by description reaches the claims and events stages through the entity index."""

from __future__ import annotations

import json

import pytest

from newsgraph.model import Entity
from newsgraph.pipeline import run
from tests.shared import shared_file

from .reading import Extraction, extract, type_by_name


def _article(name: str) -> tuple[str, str]:
    text = shared_file("corpus", f"{name}.txt").read_text(encoding="utf-8")
    published = json.loads(shared_file("corpus", f"{name}.gold.json").read_text(encoding="utf-8"))["published"]
    return text, published


def _mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


# --- shared articles -----------------------------------------------------------------------------

def test_monitor_head_named_without_commas_has_his_role_and_is_the_later_speaker() -> None:
    text, published = _article("fakes-0042")
    trace = run(text, published)
    index = trace.index
    rahman = next(e for e in trace.entities if e.name == "Rami Abdel Rahman")
    assert any(r.startswith("head of the Syrian Observatory for Human Rights") for r in rahman.roles)
    observatory = next(e for e in trace.entities if e.name == "Syrian Observatory for Human Rights")
    assert any(r.subject == rahman.id and r.object == observatory.id for r in trace.relations)
    # "Fifteen of the wounded were in critical condition said the head of the Britain-based group"
    fifteen = next(c for c in trace.claims if c.text.startswith("Fifteen of the wounded"))
    assert fifteen.speaker == rahman.id
    assert index.entity_at(fifteen.evidence.start, fifteen.evidence.end) is not None
    assert "Kurdish" not in type_by_name(Extraction(text, tuple(trace.entities), ()))


def test_places_named_in_lists_and_one_name_read_two_ways_are_places() -> None:
    text, published = _article("fakes-0061")
    found = Extraction(text, tuple(run(text, published, until="entities").entities), ())
    types = type_by_name(found)
    # "the opposition-besieged al-Foua and Kefraya towns": spaCy reads both as organisations
    assert types["al-Foua"] == "GPE" and types["Kefraya"] == "GPE"
    # "regime-besieged al-Zabadani" (read as a person) and "the area of Zabadani": one place
    zabadani = found.named("Zabadani")
    assert zabadani.type == "GPE"
    assert {"al-Zabadani", "Zabadani"} <= {zabadani.name, *zabadani.aliases}
    assert found.find("al-Zabadani") is zabadani or found.find("al-Zabadani") == zabadani


def test_counterpart_named_after_his_title_is_a_person_with_that_role() -> None:
    text, published = _article("fakes-0482")
    found = Extraction(text, tuple(run(text, published, until="places").entities), ())
    fabius = found.named("Laurent Fabius")
    assert fabius.type == "PER"
    assert any("counterpart" in r for r in fabius.roles)
    assert found.named("Duma").type == "GPE"  # "the Duma neighbourhood of Damascus"


def test_fakes_lists_of_towns_and_neighbourhoods_are_places(fakes_rows: list[dict[str, str]]) -> None:
    # SANA style: "on the towns of Nubbul and al-Zahraa", "Maisaloun neighborhood", "Khan Arnabeh and
    # al-Baath cities", "the industrial area in al-Arqoub", "terrorists affiliated with Jabhat al-Nusra"
    found = extract(fakes_rows[479]["article_content"])
    types = type_by_name(found)
    for place in ("Nubbul", "al-Zahraa", "Maisaloun", "Khan Arnabeh", "al-Baath", "al-Arqoub"):
        assert types.get(place) == "GPE", (place, types.get(place))
    assert found.named("Jabhat al-Nusra").type == "ORG"


# --- written sentences ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "group"), [
    ("Fighters from Jaish al-Islam shelled the district on Monday.", "Jaish al-Islam"),
    ("Ahrar al-Sham said it had repelled the attack.", "Ahrar al-Sham"),
    ("The fighters of Liwa al-Quds took part in the assault.", "Liwa al-Quds"),
    ("Harakat Nour al-Din al-Zenki denied the claim.", "Harakat Nour al-Din al-Zenki"),
])
def test_armed_groups_named_in_arabic_are_organisations(text: str, group: str) -> None:
    found = extract(text)
    assert found.named(group).type == "ORG"


@pytest.mark.parametrize(("text", "place"), [
    ("Mortar shells hit Bab Sharqi on Tuesday, killing two people.", "Bab Sharqi"),
    ("Clashes broke out in the al-Sulaymaniyah neighbourhood late on Friday.", "al-Sulaymaniyah"),
    ("Government forces advanced on the villages of Tal Shghaib and Tal Mamo.", "Tal Mamo"),
    ("Shells fell on al-Qaterji and al-Midan districts overnight.", "al-Qaterji"),
])
def test_neighbourhoods_and_villages_are_places(text: str, place: str) -> None:
    assert extract(text).named(place).type == "GPE"


def test_faith_sect_and_ideology_words_are_no_entities() -> None:
    found = extract("The Alawite minority and Sunni rebels clashed again. Takfiri groups and Wahhabi clerics "
                    "were blamed, and Shiite militias from Iraq joined the Druze fighters.")
    names = {e.name for e in found.entities}
    assert not names & {"Alawite", "Sunni", "Takfiri", "Wahhabi", "Shiite", "Druze"}
    assert found.named("Iraq").type == "GPE"


def test_one_name_typed_two_ways_is_one_entity_of_the_person_type() -> None:
    # the same full name read as a person in one sentence and as an organisation in the other
    found = extract("His French counterpart Laurent Fabius called the attack a tragedy. "
                    "Laurent Fabius said Paris would seek a resolution at the United Nations.")
    fabius = [e for e in found.entities if e.name == "Laurent Fabius"]
    assert len(fabius) == 1 and fabius[0].type == "PER"
    assert len(fabius[0].mentions) >= 2


@pytest.mark.parametrize(("text", "kind", "names"), [
    ("Iran said it fired the Fateh-110 and Zolfaghar missiles at targets in eastern Syria.", "WEA",
     ("Fateh-110", "Zolfaghar")),
    ("Israel flew F-16 and F-35 jets over southern Lebanon.", "VEH", ("F-16", "F-35")),
    ("Russia delivered S-300 and S-400 systems to Syria.", "WEA", ("S-300", "S-400")),
    ("Russian Su-24 and Su-25 warplanes struck the town.", "VEH", ("Su-24", "Su-25")),
])
def test_coordinated_designations_are_separate_materiel(text: str, kind: str, names: tuple[str, ...]) -> None:
    found = extract(text)
    for name in names:
        assert found.named(name).type == kind
    assert not [e for e in found.entities if " and " in e.name]


def test_shortened_and_described_names_join_the_organisation_named_in_full() -> None:
    found = extract("The UK-based Syrian Observatory for Human Rights said 40 people were killed. "
                    "The Syrian Observatory said the toll could rise. The Britain-based monitor relies on a "
                    "network of activists, and the monitoring group later put the toll at 45.")
    observatory = found.named("Syrian Observatory for Human Rights")
    texts = _mention_texts(observatory)
    assert "Syrian Observatory" in observatory.aliases
    assert "The Britain-based monitor" in texts and "the monitoring group" in texts
    assert [e.name for e in found.entities if e.type == "ORG"] == ["Syrian Observatory for Human Rights"]


def test_acronym_before_its_expansion_joins_it_by_initials() -> None:
    found = extract("HTS fighters seized the crossing on Sunday. Hayat Tahrir al-Sham has controlled "
                    "much of Idlib since 2019, and the Syrian Network for Human Rights (SNHR) counted the dead.")
    assert "HTS" in found.named("Hayat Tahrir al-Sham").aliases
    assert "SNHR" in found.named("Syrian Network for Human Rights").aliases


def test_observatory_alone_in_a_text_that_names_none_is_no_entity() -> None:
    found = extract("The Observatory said 12 people were killed in the raid. Regime forces shelled the town.")
    assert found.entities == () or all(e.name not in ("Observatory", "Regime") for e in found.entities)


def test_title_alone_is_the_holder_and_reaches_claims_and_events() -> None:
    text = ("Syrian Foreign Minister Walid al-Muallem met UN envoy Staffan de Mistura in Damascus on Monday. "
            "The foreign minister reiterated that Damascus would not negotiate with terrorists. "
            "The foreign minister also met the Iranian ambassador.")
    trace = run(text)
    muallem = next(e for e in trace.entities if e.name == "Walid al-Muallem")
    assert "The foreign minister" in _mention_texts(muallem)
    reiterated = next(c for c in trace.claims if "would not negotiate" in c.text)
    assert reiterated.speaker == muallem.id
    assert any(muallem.id in ev.actors for ev in trace.events if ev.evidence.text.startswith("The foreign minister also"))


def test_two_ministers_stay_two_people_and_the_title_goes_to_the_one_it_fits() -> None:
    found = extract("Syrian Foreign Minister Walid al-Muallem met Russian Foreign Minister Sergei Lavrov in "
                    "Moscow. The Russian foreign minister said the talks were useful.")
    muallem, lavrov = found.named("Walid al-Muallem"), found.named("Sergei Lavrov")
    assert muallem.id != lavrov.id
    assert "The Russian foreign minister" in _mention_texts(lavrov)
    assert "The Russian foreign minister" not in _mention_texts(muallem)


def test_title_never_given_in_the_text_refers_to_no_one() -> None:
    found = extract("Syrian Foreign Minister Walid al-Muallem arrived in Moscow. "
                    "The defence minister said the army was ready.")
    assert "The defence minister" not in _mention_texts(found.named("Walid al-Muallem"))


@pytest.mark.parametrize(("text", "person", "keywords"), [
    ("Rami Abdel Rahman head of the Syrian Observatory for Human Rights said 16 people were killed.",
     "Rami Abdel Rahman", ("head", "observatory")),
    ("Nicholas Heras a fellow at the Center for a New American Security said the strikes were symbolic.",
     "Nicholas Heras", ("fellow", "center")),
    ("In a letter sent by President of the Syrian Coalition Anas Abdah to the UN the coalition urged action.",
     "Anas Abdah", ("president", "coalition")),
])
def test_roles_in_scraped_text_without_commas(text: str, person: str, keywords: tuple[str, ...]) -> None:
    roles = [r.lower() for r in extract(text).named(person).roles]
    assert any(all(k in r for k in keywords) for r in roles), roles


def test_a_name_after_a_title_without_a_preposition_names_someone_else() -> None:
    found = extract("Erdogan spokesman Ibrahim Kalin said the operation would continue.")
    assert found.named("Erdogan").roles == ()
    assert any("spokesman" in r for r in found.named("Ibrahim Kalin").roles)


# --- scraped lists, headlines and site names -------------------------------------------------------

def test_comma_less_list_of_places_is_one_mention_per_place() -> None:
    found = extract("Government forces shelled rebel positions in Idlib Syria on Sunday.")
    assert found.named("Idlib").type in ("GPE", "LOC") and found.named("Syria").type == "GPE"
    assert found.find("Idlib Syria") is None


def test_big_city_as_the_subject_of_a_verb_stays_the_city() -> None:
    assert extract("Ankara said the operation would continue until the border was secure.").named("Ankara").type == "GPE"


@pytest.mark.parametrize(("text", "kept"), [
    ("Syrian Army Kills 11 Terrorists in Hama Countryside. The army killed 11 terrorists near the town of Souran "
     "on Monday, the Syrian Army said.", "Syrian Army"),
    ("15 Medics Killed in Aleppo Strikes. At least 15 medics were killed in air strikes on Aleppo, the Syrian "
     "Observatory for Human Rights said.", "Syrian Observatory for Human Rights"),
])
def test_headline_words_are_no_names(text: str, kept: str) -> None:
    found = extract(text)
    assert found.named(kept).type == "ORG"
    headline_words = ("Kills", "Killed", "Medics", "Terrorists")
    assert not [e.name for e in found.entities if any(w in e.name.split() for w in headline_words)]


def test_a_name_is_cut_at_a_colon() -> None:
    found = extract("Steifo: Regime & Allies Onslaught on Aleppo Continues. The regime shelled Aleppo on Monday.")
    assert found.named("Aleppo").type == "GPE"
    assert not [e.name for e in found.entities if ":" in e.name or "Onslaught" in e.name]


def test_a_given_name_is_no_headline_verb() -> None:
    # "said" is a verb of the text and the first name of the person
    found = extract("Said Seif al Qalamoni, a spokesman for the rebels, said the talks had failed.")
    assert found.named("Said Seif al Qalamoni").type == "PER"


def test_untagged_armed_group_name_is_an_organisation_and_none_of_its_parts_a_place() -> None:
    found = extract("Fighters of the Faylaq al-Sham Islamist faction shelled the area on Friday.")
    assert found.named("Faylaq al-Sham").type == "ORG"
    assert found.find("Sham") is None


def test_known_group_written_without_its_hyphen_is_the_known_group() -> None:
    found = extract("Jaish al Islam fighters fired rockets at Damascus on Monday. Jaish al-Islam denied the claim.")
    groups = [e for e in found.entities if e.type == "ORG"]
    assert [e.name for e in groups] == ["Jaish al-Islam"] and len(groups[0].mentions) == 2


@pytest.mark.parametrize(("text", "place"), [
    ("Rebels shelled Eastern Ghouta on Tuesday.", "Eastern Ghouta"),
    ("Rebels shelled Eastern Ghouta on Tuesday. Government forces advanced in Eastern Ghouta and the Damascus "
     "Countryside.", "Damascus Countryside"),
])
def test_places_spacy_reads_as_organisations_are_places(text: str, place: str) -> None:
    assert extract(text).named(place).type == "GPE"


@pytest.mark.parametrize(("text", "site"), [
    ("A car bomb exploded near Bab al-Hawa hospital on Thursday.", "Bab al-Hawa hospital"),
    ("Shells hit Baghdad Street in Damascus on Monday.", "Baghdad Street"),
])
def test_hospitals_and_streets_are_sites_with_their_whole_name(text: str, site: str) -> None:
    assert extract(text).named(site).type == "FAC"


def test_demonym_read_as_a_name_mentions_its_country_when_the_text_names_none() -> None:
    uganda = extract("Ugandan rebels attacked a village near the border on Sunday.").named("Uganda")
    assert uganda.type == "GPE" and _mention_texts(uganda) == ["Ugandan"]


def test_lower_case_ministry_is_an_organisation() -> None:
    found = extract("A spokesman for the ministry of finance said the budget was cut.")
    assert found.named("ministry of finance").type == "ORG"


def test_a_title_case_headline_names_no_weapon_or_organisation() -> None:
    # the headline run into the first sentence, in the style of scraped agency pages
    found = extract("03-07-2015 Five Civilians Killed in Terrorist Rocket Attacks in Aleppo. Five civilians were "
                    "killed on Thursday when terrorists fired rocket shells on Aleppo city.")
    assert type_by_name(found) == {"Aleppo": "GPE"}


def test_a_ruler_s_name_before_regime_or_who_is_a_person() -> None:
    found = extract("The coalition said the soft stance in dealing with Assad who continues to commit massacres "
                    "is wrong. Earlier the Assad regime shelled the town.")
    assert type_by_name(found).get("Assad") == "PER"


def test_a_ruler_beside_a_place_in_a_list_is_still_the_ruler() -> None:
    # "in Russian and Assad regime airstrikes": after "in ... and" a name reads as a place, but not before "regime"
    found = extract("Activists said 56 civilians were killed in Russian and Assad regime airstrikes on eastern "
                    "Aleppo. Shells fell in Idlib and Assad regime forces advanced near Hama.")
    assert type_by_name(found).get("Assad") == "PER"
    assert type_by_name(found).get("Idlib") == "GPE"


def test_a_weapon_class_written_as_its_abbreviation_is_a_weapon(fakes_rows: list[dict[str, str]]) -> None:
    # "Terrorists detonate IED near Qamishli National Hospital" (row 540), "planted the IED under the
    # platform of the mosque" (row 752)
    for row in (540, 752):
        names = type_by_name(extract(fakes_rows[row]["article_content"]))
        assert names.get("IED") == "WEA", (row, names)
    found = type_by_name(extract("Militants planted two IEDs on the road to Hasaka, and an ied was found later."))
    assert found.get("IEDs") == "WEA", found


def test_a_military_airport_named_after_its_town_is_a_facility(fakes_rows: list[dict[str, str]]) -> None:
    # "including the nearby Kweyris military airport" (row 17: 'Kweyris' was a person), "near the Tabqa
    # military airport" (row 216), "the Nairab military airport" (row 250)
    for row, site in ((17, "Kweyris military airport"), (216, "Tabqa military airport"),
                      (250, "Nairab military airport")):
        names = type_by_name(extract(fakes_rows[row]["article_content"]))
        assert names.get(site) == "FAC", (row, names)
    assert "Kweyris" not in type_by_name(extract(fakes_rows[17]["article_content"]))


def test_the_opening_words_of_a_known_organisation_join_its_full_name(fakes_rows: list[dict[str, str]]) -> None:
    # "Elsewhere the Syrian Observatory reported that air raids ...", "two people ... the Syrian Observatory said"
    # beside "the Syrian Observatory for Human Rights": spaCy reads the short form as a place
    for row in (80, 278):
        found = extract(fakes_rows[row]["article_content"])
        observatory = found.named("Syrian Observatory for Human Rights")
        assert observatory.type == "ORG" and "Syrian Observatory" in _mention_texts(observatory), row
        assert [e.name for e in found.entities if "Observatory" in e.name] == [observatory.name], row


def test_the_islamic_states_long_names_in_all_their_forms_are_the_group(fakes_rows: list[dict[str, str]]) -> None:
    # "the so-called Islamic State in Iraq and Levant organization": no "Iraq" or "Levant" cut out of the name
    for row in (710, 715):
        found = extract(fakes_rows[row]["article_content"])
        group = found.named("Islamic State")
        assert "Islamic State in Iraq and Levant" in _mention_texts(group), row
        assert found.find("Levant") is None, (row, type_by_name(found))


def test_a_tag_list_after_a_standfirst_gives_no_glued_names(fakes_rows: list[dict[str, str]]) -> None:
    # "... the war-torn city Tags Syria Aleppo UN De Mistura Fatah al-Sham Eleven people ..." (98), "... in Idlib
    # provinces Maaret al-Numan Tags Syria Khan Sheikhun Idlib airstrike Bashar al Assad Almost a dozen ..." (128)
    for row, glued in ((98, "Fatah al-Sham Eleven"), (128, "Maaret al-Numan Tags"), (128, "Khan Sheikhun Idlib")):
        found = extract(fakes_rows[row]["article_content"])
        assert found.find(glued) is None, (row, type_by_name(found))


def test_the_press_freedom_watchdog_is_one_organisation(fakes_rows: list[dict[str, str]]) -> None:
    # "media watchdog Reporters Without Borders said 23 journalists had been killed" (rows 192, 706): spaCy-sm
    # tags only "Without Borders", as a person, or nothing
    for row in (192, 706):
        entities = extract(fakes_rows[row]["article_content"]).entities
        watchdog = [e for e in entities if "Borders" in e.name]
        assert [(e.name, e.type) for e in watchdog] == [("Reporters Without Borders", "ORG")], (row, watchdog)
