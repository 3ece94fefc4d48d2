"""Readability of the Norwegian pages (LIX), as warnings.

LIX (Björnsson): words per sentence + percentage of words longer than six
letters. Under 30 very easy, 30-40 easy, 40-50 medium (newspapers), 50-60
hard (official documents), over 60 very hard. Plain-language guidance for
public information aims at about 40; we warn above 45 for a page, so legal
terms that cannot be avoided do not trigger it, and above 40 for the
Norwegian site as a whole.
"""

from __future__ import annotations

import re

from scripts.model.facts import ATTRS, LINK_TARGET, URL
from scripts.model.pages import SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "content"
LIX_PAGE_WARNING = 45
LIX_SITE_WARNING = 40
# LIX means little for a short text; pages with fewer words are not scored alone.
LIX_MIN_WORDS = 100
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def lix_counts(page: SourcePage) -> tuple[int, int, int]:
    """(words, sentences, long words) of the prose of a page."""
    words = sentences = long_words = 0
    for line in page.lines:
        if line.in_code:
            continue
        text = URL.sub(" ", ATTRS.sub(" ", LINK_TARGET.sub("] ", line.text)))
        text = re.sub(r"^\s*(?:!!!|\?\?\?\+?)\s*\w+", " ", text)  # admonition keywords
        found = WORD.findall(text)
        if not found:
            continue
        words += len(found)
        long_words += sum(len(w.replace("-", "")) > 6 for w in found)
        # a list item, heading or paragraph line ends a sentence even without a full stop
        sentences += len(SENTENCE_END.findall(text)) + (0 if re.search(r"[.!?:][\W_]*$", text.strip()) else 1)
    return words, sentences, long_words


def lix(words: int, sentences: int, long_words: int) -> float:
    return words / max(sentences, 1) + 100 * long_words / max(words, 1)


def scores(model: SiteModel) -> dict[str, tuple[float, int]]:
    """Norwegian page (as editors see it) -> (LIX, words), plus '' for the whole site."""
    result = {}
    total = [0, 0, 0]
    for page in model.pages.pages.get(model.cfg.default_locale, {}).values():
        if page.for_editors or not page.readable:
            continue
        counts = lix_counts(page)
        if counts[0]:
            result[page.shown] = (round(lix(*counts), 1), counts[0])
            total = [a + b for a, b in zip(total, counts)]
    result[""] = (round(lix(*total), 1), total[0])
    return dict(sorted(result.items()))


def check(model: SiteModel) -> list[Problem]:
    found = scores(model)
    problems = []
    for path, (score, words) in found.items():
        if path and score > LIX_PAGE_WARNING and words >= LIX_MIN_WORDS:
            problems.append(
                Problem(
                    path,
                    0,
                    f"the text is hard to read (LIX {score:.0f}; the goal is at most {LIX_PAGE_WARNING}). "
                    "Use shorter sentences and shorter words; explain or split long compound words.",
                    "warning",
                    NAME,
                )
            )
    score, words = found[""]
    if words and score > LIX_SITE_WARNING:
        problems.append(
            Problem(
                model.cfg.rel(model.cfg.lang_dir(model.cfg.default_locale)),
                0,
                f"the Norwegian pages together are hard to read (LIX {score:.0f}; the goal "
                f"is at most {LIX_SITE_WARNING}). See python -m scripts lix for the hardest pages.",
                "warning",
                NAME,
            )
        )
    return problems
