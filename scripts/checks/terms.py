"""The glossaries, enforced: a variant a glossary says to avoid is flagged with the approved term.

Each entry of translations/glossary/<locale>.yml may list `avoid:` variants.
Every translation in that language (and that language's texts in
data/offers-strings.yml and the offers' descriptions in data/offers.yml) is
searched for them, outside code. A variant is found at the start of a word,
in any case, so the endings Somali and Arabic add are found too ("Noorwiiji" finds "af-Noorwiijiga").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scripts.model.glossary import Term
from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.model.yamlfile import LineList, LineMap

NAME = "terms"


def _pattern(variant: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(variant).replace(r"\ ", r"\s+") + r"\w*", re.I)


def _message(found: str, term: Term) -> str:
    return (
        f'"{found}" is a variant the glossary says not to use for "{term.nb}". Write "{term.term}" instead '
        f"(the approved term in {term.file}:{term.line})."
    )


def _strings(node, line: int = 1) -> Iterator[tuple[int, str]]:
    """Every text in a YAML tree with its line."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, node.line_of(key) if isinstance(node, LineMap) else line)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, node.line_of(i) if isinstance(node, LineList) else line)
    elif isinstance(node, str):
        yield line, node


def _search(terms: list[Term], lines) -> Iterator[tuple[int, str, Term]]:
    patterns = [(term, _pattern(variant)) for term in terms for variant in term.avoid]
    for number, text in lines:
        for term, pattern in patterns:
            for match in pattern.finditer(text):
                yield number, match.group(0), term


def check(model: SiteModel) -> list[Problem]:
    glossaries, site = model.glossaries, model.pages
    problems = [p for p in glossaries.problems if p.check == NAME]
    for locale in model.cfg.translation_locales:
        terms = [t for t in glossaries.terms.get(locale, []) if t.avoid]
        if not terms:
            continue
        for page in site.pages.get(locale, {}).values():
            if not page.readable or page.for_editors:
                continue
            lines = [(line.number, line.text) for line in page.lines if not line.in_code]
            title = page.meta.get("title")
            if isinstance(title, str):
                lines.append((page.line_of("title"), title))
            for number, found, term in _search(terms, lines):
                problems.append(Problem(page.shown, number, _message(found, term), check=NAME))
        offers = model.offers
        if offers is not None and isinstance(offers.strings.get(locale), dict):
            strings = offers.strings[locale]
            for number, found, term in _search(terms, _strings(strings, getattr(strings, "line", 1))):
                problems.append(Problem(offers.strings_file.shown, number, _message(found, term), check=NAME))
        for offer in offers.offers if offers is not None else []:
            description = offer.raw.get("description")
            if isinstance(description, LineMap) and isinstance(description.get(locale), str):
                lines = [(description.line_of(locale), description[locale])]
                for number, found, term in _search(terms, lines):
                    problems.append(Problem(offers.offers_file.shown, number, _message(found, term), check=NAME))
    return problems
