"""What reaches a reader's browser is safe, judged on the built pages.

A regular expression on the Markdown can be fooled (entities, attribute
lists, odd spacing), so this check reads the HTML the browser gets:

* every page has a Content-Security-Policy <meta>, first in <head> (only
  <meta charset> may come before it), without 'unsafe-inline' for scripts,
  and allowing every inline script of the theme by its hash;
* the page's own content (<article>) uses only allowed elements and
  attributes: no <script>, <iframe>, <object>, <embed>, <form>, <base>,
  <meta>, <style> or <link>, no on...= attribute in any spelling, no
  javascript:, vbscript: or data: address, however it is encoded. The form
  of the offers directory is allowed where the page has the directory.

Each rejection names the Markdown file and line it came from.
"""

from __future__ import annotations

import functools
import re

from scripts.checks.links import source_of
from scripts.model.built import BuiltPage, Element, script_hash
from scripts.model.guide import MARKER as GUIDE_MARKER
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "html"
OFFERS_MARKER = "<!-- offers-directory -->"
ALLOWED_TAGS = {
    "a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "time", "tr", "u", "ul", "var", "wbr", "input", "label",
}  # fmt: skip
# The offers directory's filter (scripts/render/templates/offers.html), only where the page has the directory.
OFFERS_TAGS = {"form", "fieldset", "legend", "select", "option", "optgroup", "button", "script"}
# The guide's questions (scripts/render/templates/guide.html), only where the page has the guide.
GUIDE_TAGS = {"fieldset", "legend"}
ALLOWED_ATTRIBUTES = {
    "abbr", "alt", "checked", "cite", "class", "colspan", "datetime", "dir", "disabled", "for", "headers", "height",
    "hidden", "href", "hreflang", "id", "label", "lang", "loading", "name", "open", "rel", "reversed", "role",
    "rowspan", "scope", "selected", "sizes", "src", "srcset", "start", "tabindex", "target", "title", "translate",
    "type", "value", "width", "decoding",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "srcset", "cite", "action", "formaction", "poster", "data", "xlink:href", "background"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _scheme_problem(value: str) -> str | None:
    # Browsers drop spaces, tabs and newlines inside a scheme: "java\tscript:" still runs.
    return "address" if BAD_SCHEME.match(INVISIBLE.sub("", value)) else None


def element_problems(element: Element, with_offers: bool, with_guide: bool = False) -> list[tuple[str, str]]:
    """(what was found, the text to look for in the source) for one element."""
    found = []
    tag = element.tag
    attributes = dict(element.attributes)
    if tag not in ALLOWED_TAGS and not (with_offers and tag in OFFERS_TAGS) and not (with_guide and tag in GUIDE_TAGS):
        return [(f"the element <{tag}>", f"<{tag}")]  # one message for the element, not one per attribute
    if tag == "script" and "json" not in attributes.get("type", ""):
        found.append(("a <script>", "<script"))
    elif tag == "input" and not with_offers and attributes.get("type") not in ("radio", "checkbox"):
        found.append(("a form field <input>", "<input"))
    for name, value in element.attributes:
        lowered = name.lower()
        if lowered.startswith("on"):
            found.append((f"the attribute {name}= (a script)", name))
        elif lowered in URL_ATTRIBUTES and _scheme_problem(value):
            scheme = INVISIBLE.sub("", value).split(":", 1)[0].lower()
            found.append((f"a {scheme}: address in {name}=", f"{name}=|{value[:3]}"))
        elif lowered not in ALLOWED_ATTRIBUTES and not lowered.startswith(("aria-", "data-")):
            found.append((f"the attribute {name}=", name))
    return found


# The same elements come back on every page (each Norwegian page's fallback
# copies, the theme's own content parts): each is judged once.
@functools.lru_cache(maxsize=100_000)
def _element_problems(element: Element, with_offers: bool, with_guide: bool) -> tuple[tuple[str, str], ...]:
    return tuple(element_problems(element, with_offers, with_guide))


def _line(text: str, needle: str) -> int:
    """The first line with the needle ('name=|val': a line with both, the value perhaps entity-encoded)."""
    parts = [part.lower() for part in needle.split("|") if part]
    for number, line in enumerate(text.split("\n"), start=1):
        lowered = line.lower()
        if parts and all(part in lowered for part in parts):
            return number
    return 0


def page_problems(model: SiteModel, page: BuiltPage, shown_site: str) -> list[Problem]:
    problems = []
    where = f"{shown_site}/{page.rel}"
    if page.csp is None:
        if model.policy_expected:
            problems.append(
                Problem(
                    where,
                    0,
                    "the page has no Content-Security-Policy <meta> in its <head>. It is added "
                    "by scripts/render/csp.py in the hooks: check that the page is built through them.",
                    check=NAME,
                )
            )
    else:
        if [tag for tag in page.before_csp if tag != "meta"] or len(page.before_csp) > 1:
            problems.append(
                Problem(
                    where,
                    0,
                    f"the Content-Security-Policy comes after {', '.join(page.before_csp)} in "
                    "<head>; it must come first (after <meta charset> only) to protect what follows.",
                    check=NAME,
                )
            )
        script_src = next((part for part in page.csp.split(";") if part.strip().startswith("script-src")), "")
        if "'unsafe-inline'" in script_src:
            problems.append(
                Problem(
                    where,
                    0,
                    "the Content-Security-Policy allows 'unsafe-inline' scripts. Remove it: inline "
                    "scripts are allowed by their hashes.",
                    check=NAME,
                )
            )
        for script in page.inline_scripts:
            if script_hash(script) not in page.csp:
                problems.append(
                    Problem(
                        where,
                        0,
                        f"an inline script of the theme is not allowed by the policy (no {script_hash(script)}), "
                        "so it does not run. Rebuild with the hooks (scripts/render/csp.py).",
                        check=NAME,
                    )
                )
    source = source_of(model, page.rel)
    with_offers = source is not None and OFFERS_MARKER in source.body
    with_guide = source is not None and GUIDE_MARKER in source.body
    found = [("a <script>", "<script")] * len(page.content_scripts)
    for element in page.content:
        found += _element_problems(element, with_offers, with_guide)
    for what, needle in found:
        line = _line(source.text, needle) if source else 0
        problems.append(
            Problem(
                source.shown if source else where,
                line,
                f"{what} is not allowed in a page: it could run a script or change what readers "
                "see. Remove it (CONTRIBUTING.md lists the HTML you may use).",
                check=NAME,
            )
        )
    return problems


def check(model: SiteModel) -> list[Problem]:
    site = model.built
    shown_site = model.cfg.rel(site.site_dir)
    problems: list[Problem] = []
    for page in site.pages.values():
        problems += page_problems(model, page, shown_site)
    # A Norwegian page's mistake is in every language's fallback copy: one message.
    unique = {(p.path, p.line, p.message): p for p in problems}
    return list(unique.values())
