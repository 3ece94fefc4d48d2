"""A translation against its Norwegian page: the same headings (levels and
ids, in order), and in every section the same numbers, legal provisions,
phone numbers, e-mail and web addresses, and the same source URLs.

A translation whose Norwegian page cannot be read is not compared (the
Norwegian page's own problem is the one message).
"""

from __future__ import annotations

import difflib

from scripts.model.facts import Section, sections
from scripts.model.pages import SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "content"


def _p(page: SourcePage, line: int, message: str) -> Problem:
    return Problem(page.shown, line, message, check=NAME)


def structure_problems(page: SourcePage, source: SourcePage) -> list[Problem]:
    src = source.shown
    mine = [h for h in page.headings if h.level > 1]
    theirs = [h for h in source.headings if h.level > 1]
    problems = []
    matcher = difflib.SequenceMatcher(a=[h.id for h in theirs], b=[h.id for h in mine], autojunk=False)
    last_line = page.text.count("\n") + 1
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for s, t in zip(theirs[a1:a2], mine[b1:b2]):
                if s.level != t.level:
                    problems.append(
                        _p(
                            page,
                            t.line,
                            f"this heading is level {t.level} ({'#' * t.level}) but the Norwegian heading "
                            f"{{#{s.id}}} is level {s.level} ({'#' * s.level}) ({src}:{s.line}). Use {'#' * s.level}.",
                        )
                    )
            continue
        if op in ("replace", "insert"):
            for t in mine[b1:b2]:
                where = ", ".join(f"{{#{s.id}}} ({src}:{s.line})" for s in theirs[a1:a2]) or "no heading"
                problems.append(
                    _p(
                        page,
                        t.line,
                        f"the heading id {{#{t.id}}} does not match the Norwegian page, which has "
                        f"{where} here. Use the same ids, in the same order, as the Norwegian page.",
                    )
                )
        if op == "delete":
            at = mine[b1].line if b1 < len(mine) else last_line
            for s in theirs[a1:a2]:
                problems.append(
                    _p(
                        page,
                        at,
                        f"the Norwegian heading '{'#' * s.level} {s.text} {{#{s.id}}}' ({src}:{s.line}) "
                        "is missing in this translation. Translate that section and keep the id.",
                    )
                )
    return problems


def fact_problems(page: SourcePage, source: SourcePage, source_sections: dict[str, Section]) -> list[Problem]:
    src = source.shown
    problems = []
    for sid, section in sections(page).items():
        theirs = source_sections.get(sid)
        if theirs is None:
            continue  # reported by the heading comparison
        for key in theirs.counts:
            if section.counts[key] < theirs.counts[key]:
                number, shown = theirs.first[key]
                problems.append(
                    _p(
                        page,
                        section.line,
                        f'the Norwegian page says "{shown}" here ({src}:{number}) but this translation '
                        "does not. Write it exactly as the Norwegian page does, or fix the Norwegian page.",
                    )
                )
        for key in section.counts:
            if section.counts[key] > theirs.counts[key]:
                number, shown = section.first[key]
                problems.append(
                    _p(
                        page,
                        number,
                        f'this translation says "{shown}" but the Norwegian page does not in this '
                        f"section ({src}:{theirs.line}). Check the value against the Norwegian page.",
                    )
                )
    return problems


def _source_urls(page: SourcePage) -> list[str]:
    items = page.meta.get("sources") if isinstance(page.meta.get("sources"), list) else []
    return [str(i["url"]) for i in items if isinstance(i, dict) and i.get("url")]


def source_url_problems(page: SourcePage, source: SourcePage) -> list[Problem]:
    mine, theirs = _source_urls(page), _source_urls(source)
    problems = []
    for i, url in enumerate(theirs):
        if url not in mine:
            problems.append(
                _p(
                    page,
                    page.line_of("sources"),
                    f'the Norwegian page lists the source "{url}" '
                    f"({source.shown}:{source.line_of('sources', i, 'url')}) "
                    "but this translation does not. Add it to 'sources' with the same url (the "
                    "title may be translated).",
                )
            )
    for i, url in enumerate(mine):
        if url not in theirs:
            problems.append(
                _p(
                    page,
                    page.line_of("sources", i, "url"),
                    f'the source "{url}" is not among the Norwegian page\'s sources ({source.shown}). '
                    "Use the same source URLs as the Norwegian page.",
                )
            )
    return problems


def check(model: SiteModel) -> list[Problem]:
    site = model.pages
    problems: list[Problem] = []
    cache: dict[str, dict[str, Section]] = {}
    for locale in model.cfg.translation_locales:
        for page in site.pages.get(locale, {}).values():
            source = site.source_of(page)
            if source is None or page.for_editors or not source.readable or not page.readable:
                continue  # orphans: the coverage check; unreadable pages: the content check
            if source.path not in cache:
                cache[source.path] = sections(source)
            problems += structure_problems(page, source)
            problems += fact_problems(page, source, cache[source.path])
            problems += source_url_problems(page, source)
    return problems
