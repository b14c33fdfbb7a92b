"""Page furniture: the credits, bylines, tag lists, share prompts, time stamps, footers and headings a
scrape carries into article text, marked with their kind so that no entity, event or claim is taken
from them (offsets stay valid: nothing is deleted).

``find_furniture(text, dateline)`` is the stage function (``stage``); ``Screen`` applies its
regions to the other stages' outputs (``screen``); ``ScrapedTextTokenizer`` (``tokens``) splits
the tokens scraping glues ("John SmithAFP") or strips of their apostrophe ("Bashar al-Assads"),
and is installed in the spaCy pipeline by ``nlp/parse.py``. The forms and their evidence are in
the README, "Scraped text: furniture, glue and stripped apostrophes".
"""

from newsgraph.nlp.furniture.screen import Screen
from newsgraph.nlp.furniture.stage import find_furniture
from newsgraph.nlp.furniture.tokens import ScrapedTextTokenizer

__all__ = ["ScrapedTextTokenizer", "Screen", "find_furniture"]
