"""Corpus-wide entity ids: the same real-world thing gets the same id in every document and run.

Places resolved in the gazetteer are keyed by their GeoNames id, countries by
their ISO code, everything else by type plus a normalised canonical name
(accents folded, case and punctuation ignored), so "Sarit Zehavi" in two
articles is one corpus entity.  Ids are deterministic: no counters, no state.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsgraph.model import Entity

_NON_WORD = re.compile(r"[^0-9a-z]+")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise_name(name: str) -> str:
    """A name folded for comparison: no accents, lower case, 'the' dropped, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", _THE.sub("", name.strip()))
    ascii_ish = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub("-", ascii_ish).strip("-")


def corpus_entity_id(entity: Entity) -> str:
    if entity.geonames_id is not None:
        return f"geonames:{entity.geonames_id}"
    if entity.type == "GPE" and entity.country and entity.lat is None:
        # countries come without coordinates (cities carry lat/lon and a GeoNames id)
        return f"country:{entity.country.upper()}"
    slug = normalise_name(entity.name)
    if not slug or len(slug) > 80:  # non-Latin script or an overlong name: hash the folded name instead
        digest = hashlib.sha256(unicodedata.normalize("NFKC", entity.name).casefold().encode()).hexdigest()[:16]
        slug = (slug[:40] + "-" if slug else "") + digest
    return f"{entity.type.lower()}:{slug}"

