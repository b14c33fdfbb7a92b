"""Who a speaker phrase refers to: pronouns and descriptors resolved to document entities.

Claims need the speaker as an entity id, but reporting mostly names a person
once and then says "she said" or "the analyst said", and a study is "the
study" after its first mention.  No coreference model runs offline here, so
this is a small rule-based resolver tuned to the way attribution works in
news: the person last named as a speaker is the strongest antecedent for a
pronoun, unless another person has since become the subject of a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph import vocab
from newsgraph.nlp.claims.issuers import issuer, owner_in_phrase, statement_of_last_body, within_reach
from newsgraph.nlp.claims.phrases import (
    acronym,
    based_abroad,
    definite,
    is_subject,
    known_as,
    name_gender,
    not_a_person,
    owned,
)
from newsgraph.nlp.claims.runons import has_clause
from newsgraph.nlp.claims.speakers import (
    Spoken,
    by_surname,
    first_of_unpunctuated_list,
    fits,
    name_after_title,
    named_next,
    spoken,
    titled_name,
)
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.index import EntityIndex
from newsgraph.vocab.claims import ClaimSources, Relays
from newsgraph.vocab.common import CommonWords, Titles

QUALIFIERS = ("for", "of", "on")  # what follows an organisation name's head word ("Observatory for Human Rights")


def _sources() -> ClaimSources:
    sources: ClaimSources = vocab.load("claims_sources")
    return sources


def _pronouns() -> CommonWords:
    words: CommonWords = vocab.load("common_words")
    return words


Referent = str | Spoken | None  # an entity id, a quoted speaker that is no entity, or nothing


@dataclass
class SpeakerResolver:
    """Resolves speaker phrases in text order, remembering who spoke and with which pronoun."""

    index: EntityIndex
    spoken: list[Spoken] = field(default_factory=list)  # the speakers quoted so far, in text order
    gender: dict[str, str] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)  # head token index -> entity it was resolved to
    cue_speaker: dict[int, str] = field(default_factory=dict)  # cue token index -> resolved speaker
    titles: dict[str, str] = field(default_factory=dict)  # title word -> person a speaker phrase gave it
    cue_sources: dict[int, tuple[str | None, str]] = field(default_factory=dict)  # cue -> (speaker, words)
    cue_of_source: dict[int, int] = field(default_factory=dict)  # source head token index -> its cue

    @property
    def history(self) -> list[tuple[int, str]]:
        """(offset, entity id) of the past speakers that are entities."""
        return [(r.offset, r.entity) for r in self.spoken if r.entity is not None]

    def remember(self, offset: int, entity_id: str, cue: Token | None = None) -> None:
        self.spoken.append(Spoken(offset, entity_id, "", "", ""))
        if cue is not None:
            self.cue_speaker[cue.i] = entity_id

    def remember_phrase(self, head: Token, text: str, antecedent: Spoken | None = None) -> None:
        """A speaker that is no entity ("an official in Homs", or "he" referring back to one)."""
        record = spoken(head, text, None) if antecedent is None else replace(antecedent, offset=head.idx)
        if record.kind:
            self.spoken.append(record)

    def resolve(self, core: SpacySpan, head: Token) -> str | None:
        """The entity the speaker phrase ``core`` (headed by ``head``) refers to, if any."""
        return self.resolve_speaker(core, head)[0]

    def resolve_speaker(self, core: SpacySpan, head: Token) -> tuple[str | None, Spoken | None]:
        """The entity the speaker phrase refers to, or else the quoted speaker that is no entity it refers
        back to ("He said" after "an official at the governor's office said")."""
        lower = head.lower_
        pronouns = _pronouns()
        if acronym(head) and self.index.entity_at(head.idx, head.idx + len(head.text)):
            found = self._named(core, head)  # "the WHO said": the World Health Organization, no pronoun
        elif head.pos_ == "PRON" or lower in pronouns.pronoun_gender or lower in pronouns.group_pronouns:
            found = self._pronoun(head)
        else:
            found = self._named(core, head)
        if isinstance(found, str):
            self.by_token[head.i] = found
            return found, None
        return None, found

    # -- named and descriptive speakers -------------------------------------------------

    def _named(self, core: SpacySpan, head: Token) -> Referent:
        hit = (first_of_unpunctuated_list(self.index, core) or self.index.entity_at(head.idx, head.idx + len(head.text))
               or titled_name(self.index, core, head)
               or name_after_title(self.index, head))
        if hit:
            self._learn(hit, core, head)
            return hit
        renamings = [c for c in head.rights if c.dep_ == "appos" or (c.left_edge.i > 0
                     and head.doc[c.left_edge.i - 1].text == "," and c.pos_ in ("PROPN", "ADJ", "NOUN"))]
        renamings += [name for name in (known_as(head),) if name is not None]  # "the organisation known as …"
        for appos in renamings:  # "the state news agency, SANA" (the parser may call it appos or amod)
            hit = self.index.entity_at(appos.idx, appos.idx + len(appos.text))
            if hit:
                return hit
        sources = _sources()
        people, documents = sources.person_nouns, sources.document_nouns
        lemma = head.lemma_.lower()
        if lemma in documents or head.lower_ in documents:
            return self._document_owner(core, head)
        if head.pos_ == "PROPN":
            inside = self._named_within(core)
            if len(inside) == 1:
                return inside[0]
            if not definite(head):
                return by_surname(self.index, head)
        return self._by_description(core, head, lemma in people or head.lower_ in people)

    def _named_within(self, core: SpacySpan) -> list[str]:
        """The entities a speaker phrase names, but not a place it calls the base of its head ("the
        Britain-based Observatory" is the Observatory, or a source no entity names; never Britain)."""
        text = doc_text(core.doc)
        return list(dict.fromkeys(eid for _, end, eid in self.index.mentions_within(core.start_char, core.end_char)
                                  if not text.startswith("-based", end)))

    def _by_description(self, core: SpacySpan, head: Token, speaker_noun: bool) -> Referent:
        """A speaker phrase headed by a noun: the organisation its phrase names, the holder of its role,
        the organisation named by its head word, or the speaker it describes again."""
        sources = _sources()
        body = head.lemma_.lower() in sources.body_nouns or head.lower_ in sources.body_nouns
        named_body = self._body_named_inside(core, head) if body else None
        if named_body is not None:
            return named_body
        if speaker_noun and definite(head) and not owned(head):
            # an office ("the minister") is a person's role; a body's ("the Observatory") is never a person's
            by_role = self._by_role(head)
            if body and by_role is not None and self.index[by_role].type == "PER":
                by_role = None
            return by_role or self._named_or_described(head)
        if definite(head) and head.pos_ in ("NOUN", "PROPN") and not owned(head):
            return self._by_head_word(head)
        return named_next(self.index, head)  # "…, a monitor said." before the Observatory is named

    def _body_named_inside(self, core: SpacySpan, head: Token) -> str | None:
        """"the key Ahrar al-Sham rebel group", "the Hezbollah military media unit": a body noun whose phrase
        names one organisation before it is that organisation, not the one last quoted."""
        doc = head.doc
        inside = set()
        sources = _sources()
        if head.lemma_.lower() in sources.part_body_nouns or head.lower_ in sources.part_body_nouns:
            return None  # "the U.N. health agency" is a part of the U.N., not the U.N.
        for start, end, eid in self.index.mentions_within(core.start_char, head.idx):
            after = doc.char_span(end, head.idx, alignment_mode="expand")
            owner = after is not None and len(after) > 0 and after[0].tag_ == "POS"
            modifier = doc_text(doc)[start - 1:start] == "-"  # "an anti-ISIS activist network"
            if self.index[eid].type == "ORG" and not owner and not modifier:  # nor "Hezbollahs television"
                inside.add(eid)
        return next(iter(inside)) if len(inside) == 1 else None

    def _learn(self, eid: str, core: SpacySpan, head: Token) -> None:
        """What a named speaker's phrase says of it: a gender ("Mrs.", "spokeswoman") and, for a person, the
        titles it is given ("British Foreign Secretary William Hague", "Anas Dabbashi, president of …")."""
        self._learn_gender(eid, core)
        if self.index[eid].type != "PER":
            return
        titles: Titles = vocab.load("titles")
        words = list(core) + [c for c in head.children if c.dep_ == "appos"]
        for tok in words:
            if titles.is_head(tok.lower_):
                self.titles[tok.lower_] = eid

    def _described(self, head: Token) -> Referent:
        """"The official said" after "an official said"; "the monitor", "the group" for the organisation last
        quoted; "the analyst", "the source" for the person last quoted (offices only by title: ``_by_role``)."""
        sources = _sources()
        words = {head.lemma_.lower(), head.lower_}
        found = next((r for r in reversed(self.spoken) if r.entity is None and r.word in words), None)
        if found is None and words & sources.generic_body_nouns:
            # "the Syrian Observatory" is no earlier organisation whose name lacks "Syrian"
            named = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.is_title
                     and not self._names_organisation(c)}  # "the U.N. health agency" may be a U.N. body
            based = based_abroad(head)
            found = next((r for r in reversed(self.spoken) if (r.word in sources.generic_body_nouns and not named)
                          or (r.entity is not None and self.index[r.entity].type == "ORG"
                              and named <= set(self.index[r.entity].name.lower().split())
                              and not (based and self._outlet(r.entity)))), None)
        if found is None and words & sources.generic_person_nouns and self.spoken:
            last = self.spoken[-1]  # only the person just quoted, by name
            found = last if last.entity is not None and fits(last, self.index, "person") else None
        return found.entity or found if found is not None else None

    def _named_or_described(self, head: Token) -> Referent:
        """The organisation named by the head word, else the speaker described again; for a generic body noun
        the organisation quoted since the name was last seen: "the Britain-based monitor" after the
        Observatory spoke is the Observatory, not a headline's "Idlib Monitor" that never spoke."""
        named = self._by_head_word(head)
        generic = bool({head.lower_, head.lemma_.lower()} & _sources().generic_body_nouns)
        if named is None or not generic or any(eid == named for _, eid in self.history):
            return named or self._described(head)
        described = self._described(head)
        if described is None:
            return named
        last_named = max(s for s, _, eid in self.index.mentions_within(0, head.idx) if eid == named)
        quoted_at = [r.offset for r in self.spoken if r.entity == described or r is described]
        return described if quoted_at and max(quoted_at) > last_named else named

    def _outlet(self, eid: str) -> bool:
        relays: Relays = vocab.load("relays")
        return bool(set(self.index[eid].name.lower().split()) & relays.outlet_words)

    def _names_organisation(self, tok: Token) -> bool:
        found = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        return found is not None and self.index[found].type == "ORG"

    def _by_head_word(self, head: Token) -> str | None:
        """"The department said" after "the US Treasury Department said": the organisation whose name ends in
        the head word, last speaker first, else the last one named."""
        word = head.lower_

        def named(eid: str) -> bool:
            entity = self.index[eid]
            words = entity.name.lower().split()
            # the name's head word, last or before its qualifier ("the Observatory" for the Syrian Observatory
            # for Human Rights, "the ministry" for the Ministry of Defence)
            heads = [w for w, nxt in pairwise(words) if nxt in QUALIFIERS] + words[-1:]
            return entity.type == "ORG" and word in heads
        found = next((eid for _, eid in reversed(self.history) if named(eid)), None)
        if found:
            return found
        return next((eid for _, _, eid in reversed(self.index.mentions_within(0, head.idx)) if named(eid)), None)

    def _document_owner(self, core: SpacySpan, head: Token) -> Referent:
        """The organisation behind "the study", "a UN report", "Alma's research"; "the statement added" is
        whoever issued the statement the text last named ("the interior ministry said in a statement")."""
        owner = owner_in_phrase(self.index, head)
        if owner:
            return owner
        if not definite(head) or any(c.dep_ in ("amod", "compound", "nmod") for c in head.children):
            return None  # "Syrian reports", "a new poll": not a document introduced before
        # an earlier mention of the same kind of document, and who published it there
        lemma = head.lemma_.lower()
        for tok in reversed(head.doc[: head.i]):
            if tok.lemma_.lower() != lemma:
                continue
            if tok.i in self.by_token:
                return self.by_token[tok.i]
            owner = owner_in_phrase(self.index, tok)
            if owner:
                return owner
            if not within_reach(tok, head):
                break  # named too long ago: "the statement" is more likely the last speaker's
            issued = issuer(tok, self.index, self.cue_of_source, self.cue_sources, self.spoken)
            if issued is not None:
                return issued
        return statement_of_last_body(self.index, self.history, head)

    def _by_role(self, head: Token) -> str | None:
        """A person or body introduced with this title earlier: "the foreign minister" -> the person whose role
        has "foreign" and "minister" (else the last one with "minister"), or whom a speaker phrase gave it."""
        word = head.lower_
        modifiers = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i}
        loose = None
        for _, _, eid in reversed(self.index.mentions_within(0, head.idx)):
            roles = [set(role.lower().split()) for role in self.index[eid].roles]
            matching = [r for r in roles if word in r]
            if any(modifiers <= r for r in matching):
                return eid
            loose = loose or (eid if matching else None)
        return self.titles.get(word) or loose

    # -- pronouns ---------------------------------------------------------------------------

    def _stripped_quote_speaker(self, head: Token) -> str | None:
        """"… to divert us said Fabius. That is why we have decided to …": a first-person frame outside quote marks
        right after a sentence whose frame closes what was said continues that speaker's stripped quote (not
        after "Activists said that …": a press release's "We call on …" is its writer's)."""
        doc = head.doc
        if head.sent.start == 0:
            return None
        before = doc[head.sent.start - 1].sent
        cues = [i for i in self.cue_sources if before.start <= i < before.end]
        if not cues:
            return None
        cue = doc[max(cues)]
        speaker = self.cue_sources[cue.i][0]
        closing = vocab.load("reporting_verbs").closing_verbs
        frame_start = min([cue.i] + [c.left_edge.i for c in cue.children if c.dep_ == "nsubj"])
        said_before = has_clause(doc, before.start, frame_start)
        return speaker if cue.lemma_.lower() in closing and said_before else None

    def _pronoun(self, head: Token) -> Referent:
        lower = head.lower_
        pronouns = _pronouns()
        if lower in pronouns.first_person_pronouns:
            return self._stripped_quote_speaker(head)
        offset = head.idx
        if lower in pronouns.group_pronouns:
            wanted: tuple[str, ...] = ("ORG", "GPE")
            gender, kind = None, "body" if lower in ("it", "its") else "plural"
        else:
            wanted, gender, kind = ("PER",), pronouns.pronoun_gender.get(lower), "person"
        reporter = self._reporter_of(head)
        if reporter is not None and self._fits(reporter, wanted, gender):
            return self._bind(reporter, gender)  # "Britain said it would raise … and called on Damascus …"
        last_speaker_at = self.spoken[-1].offset if self.spoken else -1
        if lower == "it" and head.dep_ == "nsubj":
            # "it said" speaks for the organisation whose statement the text is reporting, not the last
            # organisation that did something ("The department said …; Iran Air had flown …, it said")
            for record in reversed(self.spoken):
                if (self._fits(record.entity, ("ORG",), None) if record.entity is not None
                        else fits(record, self.index, "body", plural=False)):
                    return record.entity or record
        # someone who became a sentence subject since the last attribution outranks the last speaker
        for start, end, eid in reversed(self.index.mentions_within(max(0, last_speaker_at + 1), offset)):
            if self._fits(eid, wanted, gender) and is_subject(head.doc, start, end):
                return self._bind(eid, gender)
        # the last speaker that fits, an entity or not ("An official said … He said …")
        for record in reversed(self.spoken):
            if record.entity is not None and self._fits(record.entity, wanted, gender):
                return self._bind(record.entity, gender)
            if record.entity is None and fits(record, self.index, kind, None if kind == "plural" else False):
                return record
        for _, _, eid in reversed(self.index.mentions_within(0, offset)):
            if self._fits(eid, wanted, gender):
                return self._bind(eid, gender)
        return None

    def _reporter_of(self, pronoun: Token) -> str | None:
        """The speaker of the reporting verb whose statement the pronoun's clause is in: a pronoun subject in
        what someone said refers to the one saying it ("Britain said it would …", "Rice said she …")."""
        verb = pronoun.head
        if verb.i in self.cue_speaker:
            verb = verb.head  # the pronoun's own cue: look at the statement it is in, if any
        node = verb
        while node.head.i != node.i:
            if node.dep_ in ("ccomp", "xcomp") and node.head.i in self.cue_speaker and node.head.i < pronoun.i:
                return self.cue_speaker[node.head.i]
            if node.dep_ not in ("conj", "ccomp", "xcomp", "advcl"):
                return None
            node = node.head
        return None

    def _fits(self, eid: str, wanted: tuple[str, ...], gender: str | None) -> bool:
        if self.index[eid].type not in wanted:
            return False
        if wanted == ("PER",) and not_a_person(self.index[eid].name):
            return False  # "He said residents had fled" is never "Nigerien" mistyped as a person
        # what honorifics and earlier pronouns said first; the first name only when they said nothing
        known = self.gender.get(eid) or (name_gender(self.index[eid].name) if gender else None)
        return gender is None or known is None or known == gender

    def _bind(self, eid: str, gender: str | None) -> str:
        if gender:
            self.gender.setdefault(eid, gender)
        return eid

    def _learn_gender(self, eid: str, core: SpacySpan) -> None:
        sources = _sources()
        for tok in core:
            g = sources.gendered_honorifics.get(tok.lower_) or sources.gendered_nouns.get(tok.lower_)
            if g:
                self.gender.setdefault(eid, g)
