"""Checks: each takes the model (scripts/model) and returns problems. Nothing else.

`SOURCE_CHECKS` judge the sources (docs/, data/, mkdocs.yml, the interface
strings) and run before a build and from `python -m scripts check`.
`BUILT_CHECKS` judge a built site's HTML, whichever engine rendered it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scripts.checks import (
    agreement,
    claims,
    content,
    files,
    guide,
    html,
    links,
    markdown,
    markdown_links,
    navigation,
    offers,
    readability,
    stylesheets,
    terms,
    third_party,
    translation,
    urls,
)
from scripts.model.problem import Problem
from scripts.model.site import SiteModel


@dataclass(frozen=True)
class Check:
    name: str
    summary: str
    run: Callable[[SiteModel], list[Problem]]


SOURCE_CHECKS = (
    Check("content", "front matter, unsafe or fragile Markdown, headings and ids, on every page", content.check),
    Check(
        "agreement",
        "each translation against its Norwegian page: headings, numbers, provisions, phone numbers, sources",
        agreement.check,
    ),
    Check("readability", "LIX of the Norwegian pages (warnings)", readability.check),
    Check("translation", "translation metadata, orphans, outdated and missing pages", translation.check),
    Check(
        "interface",
        "every interface string in every language (overrides/partials/languages/)",
        translation.interface_problems,
    ),
    Check("terms", "each translation uses its glossary's approved terms, not the variants to avoid", terms.check),
    Check("offers", "the directory of offers in data/", offers.check),
    Check("guide", "the guide (data/veiviser.yml): rules, links to sections, numbers, translations", guide.check),
    Check("claims", "the review logs in data/claims/", claims.check),
    Check("urls", "redirects in data/redirects.yml, and published pages that are gone", urls.check),
    Check(
        "markdown", "Markdown that would not render as meant: lists, boxes, headings, tables, comments", markdown.check
    ),
    Check("files", "every page in a language folder, with a name an address can carry", files.check),
    Check("navigation", "every page is in the menu (nav: in mkdocs.yml), every menu entry is a page", navigation.check),
    Check(
        "markdown-links", "links between pages and to #headings, in the Markdown (before a build)", markdown_links.check
    ),
)
BUILT_CHECKS = (
    Check("links", "internal links and #anchors in the built HTML", links.check),
    Check("html", "the Content-Security-Policy, and only allowed HTML in each page's content", html.check),
    Check("third-party", "nothing in the built site loads from another host", third_party.check),
    Check("published", "every published address is still built, or redirected", urls.check_built),
    Check("stylesheets", "each built page loads the parts of the stylesheet its elements need", stylesheets.check),
)
ALL = {check.name: check for check in SOURCE_CHECKS + BUILT_CHECKS}


def run(model: SiteModel, checks=None) -> list[Problem]:
    """Problems from the named checks (default: every source check, and every
    built-site check when the model has a built site), sorted, duplicates once."""
    if checks is None:
        checks = SOURCE_CHECKS + (BUILT_CHECKS if model.site_dir is not None else ())
    found: list[Problem] = []
    seen: set[str] = set()
    for check in checks:
        for problem in check.run(model):
            key = f"{problem.severity} {problem}"
            if key not in seen:
                seen.add(key)
                found.append(problem)
    return sorted(found)
