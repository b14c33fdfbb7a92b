"""Whom a denial answers and which day a claim tells of (``newsgraph.resolve.claims_compare``): a denial is its
speaker's, so it contradicts what names the speaker, not a report that something happened; a claim telling of a
day after another document was published is about another occurrence than that document's claims."""

from __future__ import annotations

from tests.resolve.claim_texts import claim_with, corpus_claims

# written for these tests, in the wording of wire reports of a strike, the denial and the accusation
REPORTED = ("reported", "2016-09-20", "Reuters", "ALEPPO - An aid convoy came under attack near the town of Urum "
            "al-Kubra west of Aleppo on Monday night, the United Nations said. The United Nations said 18 trucks of "
            "the aid convoy were destroyed in the attack near Urum al-Kubra.")
DENIED = ("denied", "2016-09-20", "TASS", "MOSCOW - The Russian defence ministry denied on Tuesday that Russian "
          "warplanes had attacked the aid convoy near Urum al-Kubra west of Aleppo.")
ACCUSED = ("accused", "2016-09-20", "AFP", "WASHINGTON - The United States said on Tuesday that Russian warplanes "
           "attacked the aid convoy near Urum al-Kubra west of Aleppo.")

WEDNESDAY = ("wednesday", "2013-08-21", "Reuters", "BEIRUT - Syria's opposition accused government forces of gassing "
             "hundreds of people in the Jobar district of Damascus on Wednesday.")
SATURDAY = ("saturday", "2013-08-24", "SANA", "DAMASCUS - Syrian state media accused rebels of using chemical weapons "
            "in the Jobar district of Damascus on Saturday against army soldiers.")
THURSDAY = ("thursday", "2013-08-22", "AFP", "DAMASCUS - The Syrian government denied on Thursday that its forces "
            "had used chemical weapons in the Jobar district of Damascus.")


def test_a_denial_contradicts_the_accusation_naming_its_speaker_not_the_report_of_the_attack() -> None:
    claims = corpus_claims(REPORTED, DENIED, ACCUSED)
    denial = claim_with(claims, "denied", "had attacked the aid convoy")
    assert denial["stance"] == "denied"
    assert claim_with(claims, "accused", "Russian warplanes attacked")["id"] in denial["contradicted_by"]
    for phrase in ("came under attack", "18 trucks"):  # what happened, told by someone naming no attacker
        assert claim_with(claims, "reported", phrase)["id"] not in denial["contradicted_by"]


def test_the_report_of_the_attack_and_the_accusation_still_corroborate() -> None:
    claims = corpus_claims(REPORTED, ACCUSED)
    accusation = claim_with(claims, "accused", "Russian warplanes attacked")
    assert claim_with(claims, "reported", "came under attack")["id"] in accusation["corroborated_by"]


def test_a_denial_answers_the_accusation_of_its_days_and_not_an_attack_told_of_a_later_day() -> None:
    claims = corpus_claims(WEDNESDAY, SATURDAY, THURSDAY)
    denial = claim_with(claims, "thursday", "had used chemical weapons")
    assert claim_with(claims, "wednesday", "gassing")["id"] in denial["contradicted_by"]
    # Saturday's attack happened after the denial was published: blaming the rebels for it is no support of it
    saturday = claim_with(claims, "saturday", "on Saturday")["id"]
    assert saturday not in denial["corroborated_by"] and saturday not in denial["contradicted_by"]


def test_a_town_which_lies_in_a_province_is_no_denial() -> None:
    """"lies" is a verdict ("described the reports as lies") only where it is not the verb of where a place is."""
    claims = corpus_claims(
        ("monitor", "2016-12-10", "Reuters", "BEIRUT - The Syrian Observatory for Human Rights said air strikes hit the "
         "town of al-Bab which lies in the northern province of Aleppo on Saturday, killing 12 civilians."),
        ("activists", "2016-12-10", "AFP", "BEIRUT - Activists said air strikes hit the town of al-Bab in the northern "
         "province of Aleppo on Saturday, killing 12 civilians."))
    monitor, activists = claim_with(claims, "monitor", "which lies in"), claim_with(claims, "activists", "al-Bab")
    assert activists["id"] in monitor["corroborated_by"]
    assert activists["id"] not in monitor["contradicted_by"]


def test_a_pattern_of_several_attacks_is_not_the_one_attack_denied() -> None:
    """A claim counting attacks ("at least three times") tells of several: it blames no side for the one attack."""
    claims = corpus_claims(
        ("pattern", "2017-05-02", "Reuters", "BEIRUT - Human Rights Watch accused Syrian government forces of dropping "
         "bombs containing nerve agents at least three times in Hama province before the attack on Khan Sheikhoun."),
        ("accused", "2017-04-05", "AFP", "BEIRUT - The Syrian opposition accused government forces of a sarin gas "
         "attack on Khan Sheikhoun in Idlib province on Tuesday."),
        ("denied", "2017-04-05", "SANA", "DAMASCUS - The Syrian army denied using chemical weapons in the attack on "
         "Khan Sheikhoun in Idlib province."))
    denial = claim_with(claims, "denied", "using chemical weapons")
    assert claim_with(claims, "accused", "sarin gas attack")["id"] in denial["contradicted_by"]
    pattern = claim_with(claims, "pattern", "three times")
    assert not pattern["contradicted_by"] and not pattern["corroborated_by"]


def test_a_side_word_after_a_word_of_place_is_the_country_not_its_government() -> None:
    from newsgraph.resolve.claim_blame import sides_named
    assert sides_named("Syria had used chemical weapons") == ("government",)
    assert sides_named("France Britain say U.N. must access alleged Syria attack site") == ()
    assert sides_named("Moscow warns against new US missile strikes on Syria") == ()
    assert sides_named("the attack in Damascus by the regime") == ("government",)  # "the regime" still names it
