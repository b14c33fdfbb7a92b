"""Where a spaCy entity's name begins and ends: determiners, possessives, brackets, tallies and the words
of faiths and ideologies that stand by a group's name are cut off."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph import geo, vocab
from newsgraph.nlp.entities.verdicts import APOSTROPHES
from newsgraph.vocab.entities import EntityWords, Organizations


def trimmed(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """An entity without a leading determiner, trailing "'s", punctuation or connector, and cut at a bracket
    ("Qatar Red Crescent Society (QRCS": the abbreviation is a mention of its own) or, but for people, at a
    comma ("Amuda, Qamishli": a list of names, each a mention of its own), and at a colon ("Steifo: Regime &
    Allies Onslaught ...": a headline after its speaker's name); a known place keeps no count after it ("Daraa
    16"); None when nothing is left."""
    words: EntityWords = vocab.load("entity_words")
    while start < end and (doc[start].lower_ in words.determiners or _lost_quote(doc[start].text)):
        start += 1  # "ï¿½ï¿½Time is running out": a quotation mark the scrape lost is no part of a name
    start, end = _without_sentence_adverbs(doc, start, end, words)
    if end - start >= 2 and _dated_weekday(doc, start):
        start += 1
    if label in ("GPE", "LOC"):
        end = next((t.i for t in doc[start + 1:end] if opens_next_sentence(t, words)), end)
    start = _after_country_possessive(doc, start, end, words)
    while end > start and (doc[end - 1].text in APOSTROPHES or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in words.connectors):
        end -= 1
    if label in ("ORG", "PER"):
        start, end = _without_identity_words(doc, start, end, words)
    end = _without_fighter_noun(doc, start, end, words)
    if label == "ORG" and _place_heading_before_army_units(doc, start, end, words):
        end -= 1
    cut = next((t.i for t in doc[start:end] if t.text in "([{:" or (t.text == "," and label != "PER")), None)
    if cut is not None:
        end = cut
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    counted = doc[start:end - 1].text
    if end - start >= 2 and doc[end - 1].is_digit and len(doc[end - 1]) <= 3 \
            and geo.lookup_place(counted) is not None and geo.country_code(counted) is None:
        end -= 1  # "Daraa 16 Idlib 15": a tally by town run together; a country keeps it ("Rossiya 24" channel)
    return (start, end) if start < end else None


def _without_sentence_adverbs(doc: Doc, start: int, end: int, words: EntityWords) -> tuple[int, int]:
    """ "in Aleppo City Meanwhile in Damascus", "in Idleb Meanwhile civil sources told": a sentence adverb is the
    first word of the next sentence, run into the name where scraped text lost the full stop; no name ends or opens
    with one, capitalised or not ("EUs Mogherini later said")."""
    def adverb(tok: int) -> bool:
        return doc[tok].lower_ in words.discourse_adverbs

    while start < end and adverb(start):
        start += 1
    while end > start and adverb(end - 1):
        end -= 1
    return start, end


def _lost_quote(text: str) -> bool:
    return not text.replace("ï¿½", "").replace("\ufffd", "")


def _dated_weekday(doc: Doc, i: int) -> bool:
    """ "Also on Saturday Syrian Army troops beat back ...", "since Monday Kurdish fighters": a weekday after a
    lower-case word (a preposition, "last") dates the clause and is no word of the name after it, which scraped
    text ran it into ("the Sunday Times" keeps it: a determiner stands before it)."""
    weekday = doc[i].lower_ in vocab.load("dates").weekdays and doc[i].lower_.endswith("day")
    return weekday and i > 0 and doc[i - 1].is_lower and doc[i - 1].lower_ not in vocab.load("entity_words").determiners


def opens_next_sentence(tok: Token, words: EntityWords) -> bool:
    """ "near Raqqa At least 16 civilians", "the city of Aleppo Nearly 30 terrorists": a capitalised function word
    or sentence adverb inside a place's name is the next sentence's first word, run on where scraped text lost
    the full stop (a connector stays, and so does an Arabic article hyphened to the name: "As-Safira", "At-Tall")."""
    hyphened = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"
    return tok.is_title and (tok.is_stop or tok.lower_ in words.discourse_adverbs) \
        and tok.lower_ not in words.connectors and not hyphened


def _after_country_possessive(doc: Doc, start: int, end: int, words: EntityWords) -> int:
    """ "Syrias Al Qaeda", "Lebanons al-Manar TV": the apostrophe lost, the country owns the name that follows;
    "a Russian airstrike in Syrias the Idlib": and the determiner of the owned name goes with it.  A known
    organisation owns a name so too ("EUs Mogherini", "Hezbollahs al-Manar TV", "TRT Worlds Ahmed al Burai")."""
    owned = _possessive_owner(doc, start, end)
    if owned == start:
        return start
    following = doc[owned]
    if not (following.text[:1].isupper() or following.lower_.split("-")[0] in _articles()
            or following.lower_ in words.determiners):
        return start
    start = owned
    while start < end - 1 and doc[start].lower_ in words.determiners:
        start += 1
    return start


def _without_fighter_noun(doc: Doc, start: int, end: int, words: EntityWords) -> int:
    """ "Syrian Army Kills Wounds Dozens Daesh Militants", "Damascus Countryside Terrorist": a headline's title case
    runs a fighter noun onto a known group's or a place's name; the name ends before it."""
    if end - start < 2 or not doc[end - 1].is_title or doc[end - 1].lower_ not in words.fighter_nouns:
        return end
    known: Organizations = vocab.load("organizations")
    rest = doc[start:end - 1].text
    named = known.canonical_name(rest) is not None or geo.lookup_place(rest) is not None
    return end - 1 if named and known.canonical_name(doc[start:end].text) is None else end


def _possessive_owner(doc: Doc, start: int, end: int) -> int:
    """The token after a country's or known organisation's name (of up to three words) whose last word has the
    stripped possessive s, when more of the name follows; ``start`` when the name opens with no such owner."""
    known: Organizations = vocab.load("organizations")
    for stop in range(start + 1, min(start + 3, end - 1) + 1):
        owner = doc[start:stop].text
        if len(owner) < 3 or not owner.endswith("s"):
            continue
        if _country_possessive(owner) or (known.canonical_name(owner) is None
                                          and known.canonical_name(owner[:-1]) is not None):
            return stop
    return start


def _articles() -> frozenset[str]:
    articles: frozenset[str] = vocab.load("common_words").arabic_articles
    return articles


def _country_possessive(word: str) -> bool:
    """ "Syrias", "Lebanons": a country's name with the possessive s its apostrophe lost."""
    return len(word) > 3 and word.endswith("s") and geo.country_code(word) is None \
        and geo.country_code(word[:-1]) is not None


def _without_identity_words(doc: Doc, start: int, end: int, words: EntityWords) -> tuple[int, int]:
    """ "the Daesh Takfiri terrorist group", "Nusra Front and Salafi Ahrar al Sham": a faith's or ideology's word
    before or after an armed group's name is what the writer calls the group, not part of its name (when the
    rest is a known organisation or opens with a group's word: "Sunni Endowment" keeps its word)."""
    known: Organizations = vocab.load("organizations")

    def group(a: int, b: int) -> bool:
        return known.canonical_name(doc[a:b].text) is not None or doc[a].lower_ in words.group_name_words

    if end - start >= 3 and doc[end - 1].lower_ in words.identity_words and doc[end - 2].tag_ == "POS":
        end -= 2  # "Assads Alawite sect", "Lebanons Shiite Hezbollah" (the tokenizer split the s): the possessor
    elif end - start >= 2 and doc[end - 1].lower_ in words.identity_words \
            and (group(start, end - 1) or _stripped_possessive(doc[end - 2].text)):
        end -= 1
    if end - start >= 2 and doc[start].lower_ in words.identity_words - words.people_words \
            and group(start + 1, end):
        start += 1
    return start, end


def _stripped_possessive(word: str) -> bool:
    """ "Assads", "Syrias", "Kobanis": a capitalised name with the s of a possessive that lost its apostrophe."""
    return len(word) > 3 and word[0].isupper() and word.endswith("s") and word[-2].islower() \
        and geo.lookup_place(word) is None


def _place_heading_before_army_units(doc: Doc, start: int, end: int, words: EntityWords) -> bool:
    """ "Daraa Army units destroyed ...": a province's heading run into its paragraph, the place, then the army."""
    return end - start >= 2 and end < len(doc) and doc[end - 1].text == "Army" \
        and doc[end].text in words.army_unit_nouns and geo.lookup_place(doc[start:end - 1].text) is not None
