"""Denials inside what a speaker says (``denials.negated_denial``): a negated clause is a denial when it rejects a
charge or a report, and keeps the content's own polarity otherwise. The real pipeline on sentences written the
way wire reports put them."""

from __future__ import annotations

from .helpers import Run


def stance_of(text: str, needle: str) -> str:
    return Run(text).one(needle).stance


def test_a_party_saying_it_did_not_do_what_it_is_charged_with_denies_it() -> None:
    assert stance_of("The defence ministry said on Tuesday that its planes had not carried out air strikes on the "
                     "town.", "had not carried out") == "denied"
    assert stance_of("A military source told the agency that the army did not possess chemical weapons.",
                     "did not possess") == "denied"
    assert stance_of("The minister said the army did not and will not use such weapons.",
                     "will not use") == "denied"  # the pledge rides on a denial of the past


def test_not_responsible_not_involved_and_no_truth_to_the_reports_deny() -> None:
    assert stance_of("The spokesman said the air force was not responsible for the bombing of the convoy.",
                     "not responsible") == "denied"
    assert stance_of("The ministry said its aircraft were not involved in the strike.", "not involved") == "denied"
    assert stance_of("State television quoted an official as saying there was no truth to the reports.",
                     "no truth") == "denied"
    assert stance_of("The watchdog said it found no evidence to support the allegation that fighters met there.",
                     "no evidence") == "denied"


def test_a_negation_that_rejects_no_charge_keeps_the_content_asserted() -> None:
    assert stance_of("An opposition official told the newspaper that the gas used in the attack had never been "
                     "used before.", "never been used") == "asserted"  # no doer: nobody's charge is rejected
    assert stance_of("Both men said they would never have left their village but for the siege.",
                     "never have left") == "asserted"
    assert stance_of("The monitor said the buses had not yet been allowed to leave the town.",
                     "not yet been allowed") == "asserted"
    assert stance_of("The envoy said the government did not take the necessary steps.", "did not take") == "asserted"
    assert stance_of("The general said the army will not use such weapons.", "will not use") == "asserted"  # a pledge
    assert stance_of('"If the soldiers had not killed the gunmen the attack would have caused dozens of deaths" he said.',
                     "had not killed") == "asserted"  # a condition
    assert stance_of("The statement said the rebels did not commit to the ceasefire.", "did not commit") == "asserted"
    assert stance_of("The website said the attack was not an isolated case and that warplanes targeted two "
                     "villages.", "not an isolated case") == "asserted"  # the negation is not on "targeted"


def test_a_denial_inside_a_denial_stays_denied() -> None:
    """Scraped of its commas, the participle runs into the first denial's content, and a headline runs into the
    lede; neither denial is a charge the other disputes."""
    for text in ("The army denied reports that its troops had shelled the village dismissing the accounts as lies.",
                 "Military denies The army on Monday denied reports that its troops had shelled the village."):
        run = Run(text)
        assert len(run.claims) == 2
        assert all(c.stance == "denied" and c.disputed_by is None for c in run.claims), run.claims


def test_rejecting_a_demand_is_a_position_not_a_denial() -> None:
    assert stance_of("The rebels have rejected the demand that they withdraw from the city.",
                     "the demand") == "asserted"
    assert stance_of("Moscow rejected a plea by Washington to halt the flights.", "a plea") == "asserted"
    assert stance_of("The ministry rejected the reports as baseless.", "the reports") == "denied"
