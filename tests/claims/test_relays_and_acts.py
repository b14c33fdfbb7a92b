"""Relays named by an outlet the entities stage missed in one sentence, and verbs of saying that perform an act."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_outlet_known_from_another_sentence_is_the_relay() -> None:
    # the tagger marks "New Arab" after "a resident told" but not after the activist's name
    run = Run("Shelling hit the market on Sunday a resident told The New Arab. \"Regime jets struck the bakery "
              "and killed nine people\" local activist Omar al-Hamwi told The New Arab.")
    assert_offsets(run.text, run.claims)
    bakery = run.one("struck the bakery")
    assert run.name(bakery.speaker) == "Omar al-Hamwi" and run.names(bakery.via) == {"New Arab"}
    assert run.names(run.one("Shelling hit the market").via) == {"New Arab"}


def test_words_naming_no_known_outlet_are_no_relay() -> None:
    run = Run("Omar al-Hamwi told the crowd that the bakery had been struck twice.")
    assert not run.one("the bakery had been struck").via


def test_concluding_an_agreement_is_an_act_not_a_claim() -> None:
    run = Run("After concluding the reconciliation agreements in the southern districts the residents started "
              "to return to their houses. The SDF announced it was concluding its operations in the north. "
              "The inquiry concluded that the strike had killed 38 people.")
    assert not any(c.cue.startswith("conclud") and "agreements" in c.text for c in run.claims)
    assert not any(c.cue.startswith("conclud") and c.text.startswith("its operations") for c in run.claims)
    assert run.one("the strike had killed 38 people").cue == "concluded"


def test_a_noun_of_violence_or_feeling_is_no_speaker() -> None:
    run = Run("The French president increasingly under pressure at home to seek a mandate before any military "
              "intervention suggested on Saturday he could seek a resolution. Global outrage over the siege has "
              "led the government to state that it will reconsider its policy. Air raids also continued west of the "
              "city. The interior ministry said that two mortar rounds hit the square.")
    speakers = {(c.speaker_text or "").lower() for c in run.claims}
    assert not speakers & {"any military intervention", "global outrage", "air raids"}
    assert run.one("two mortar rounds hit the square").speaker_text == "The interior ministry"


def test_a_wire_dateline_after_the_summary_relays_the_story() -> None:
    run = Run("At least 12 civilians were killed in coalition airstrikes in Deir ez-Zor, a local source told Sputnik. "
              "MOSCOW (Sputnik) According to the state news agency SANA the strikes hit the city of Al Bukamal. "
              "A military source said the army had repelled a counterattack.")
    assert_offsets(run.text, run.claims)
    assert run.names(run.one("hit the city of Al Bukamal").via) == {"Sputnik"}
    assert run.names(run.one("repelled a counterattack").via) == {"Sputnik"}


def test_a_wire_dateline_run_into_its_headline_names_the_outlet_that_relays_the_story() -> None:
    run = Run("Coalition Says Raids Spared Civilians But Locals Say Otherwise MOSCOW (Sputnik) The toll of Monday's "
              "raids on the town may rise further the local council said. Medics said that 14 bodies were recovered.")
    assert "Sputnik" in {e.name for e in run.trace.entities if e.type == "ORG"}
    assert not any(e.type == "PER" and "MOSCOW" in e.name for e in run.trace.entities)
    assert run.names(run.one("14 bodies were recovered").via) == {"Sputnik"}


def test_what_an_acronym_stands_for_is_no_dateline() -> None:
    run = Run("Fighters of ISIL (Islamic State) attacked the town. The governor said that the attack had been repelled.")
    assert not run.one("the attack had been repelled").via
