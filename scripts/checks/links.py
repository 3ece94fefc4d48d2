"""Links in the built site: every internal link and #anchor leads somewhere.

Every href/src in every built HTML page of every language (Markdown links,
navigation, language selector, templates, raw HTML) must lead to a file of
the site, and every #anchor to an id on the target page. A dead internal link
is an error, reported at the line of the Markdown source that holds it (or
once for a template, when it is on many pages). The not-found pages are left
out: they are served at any address, so their links are written for that.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from urllib.parse import unquote, urljoin, urlsplit

from scripts.model import urls
from scripts.model.built import BuiltSite
from scripts.model.guide import GUIDE_FILE
from scripts.model.guide import PATH as GUIDE_PATH
from scripts.model.pages import SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "links"
# A broken link that shows up on more pages than this is reported once, as a
# template problem, instead of once per page.
TEMPLATE_THRESHOLD = 3
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def classify(href: str, base: str, site_url: str) -> tuple[str, str, str]:
    """('internal', path in the site, fragment) | ('external', url, '') | ('skip', '', '').

    `base` is the page's own address (site_url + its path in the site)."""
    if not href or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return "skip", "", ""
    if not SCHEME.match(href) and not href.startswith("/"):
        # Relative links (nearly all of them): plain path arithmetic, much
        # faster than urljoin, which matters on a site with many pages.
        rest, _, fragment = href.partition("#")
        rest = rest.partition("?")[0]
        here = base[len(site_url) :]
        if not rest:
            return "internal", here, unquote(fragment)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(rest)))
        if joined == "." or rest.endswith(("/", "/.", "/..")) or rest in (".", ".."):
            joined = "" if joined == "." else joined + "/"
        if joined.startswith("../") or joined == "..":
            return "internal", "(outside the site)/" + joined, unquote(fragment)
        return "internal", joined, unquote(fragment)
    url = urljoin(base, href)
    if url.startswith(site_url) or url + "/" == site_url:
        parts = urlsplit(url[len(site_url) :])
        return "internal", unquote(parts.path), unquote(parts.fragment)
    if urlsplit(url).scheme in ("http", "https"):
        return "external", url, ""
    return "skip", "", ""


def target(site: BuiltSite, path: str) -> str | None:
    """The built file a site path leads to, or None."""
    for candidate in (
        path + "index.html" if path.endswith("/") or not path else path,
        path.rstrip("/") + "/index.html",
    ):
        if candidate in site.files:
            return candidate
    return None


def source_of(model: SiteModel, built_rel: str) -> SourcePage | None:
    """The Markdown page a built page came from (the Norwegian one for a fallback page)."""
    locale, rest = urls.built_page_locale(model.cfg, built_rel)
    for folder in (locale, model.cfg.default_locale):
        for path in urls.source_candidates(rest):
            page = model.pages.page(folder, path)
            if page is not None:
                return page
    return None


def line_in(page: SourcePage, href: str, fragment: str) -> int:
    """The line of the source Markdown with this link: the href as written
    (raw HTML), or a Markdown link to the same file or #anchor."""
    segments = [s for s in href.split("#")[0].split("/") if s not in ("", ".", "..")]
    if segments and segments[-1] in ("index.md", "index.html"):
        segments.pop()  # 'index.md' names no page: the folder before it does
    path_part = segments[-1] if segments else ""
    patterns = [re.escape(href)]
    if fragment:
        patterns.append(r"\]\((?![a-z]+:)[^)\s]*#" + re.escape(fragment) + r"[)\s]")
    if path_part:
        patterns.append(
            r"\]\((?![a-z]+:)(?:[^)\s]*/)?" + re.escape(path_part) + r"(?:/index\.md|\.md|/)?(?:#[^)\s]*)?[)\s]"
        )
    found = re.compile("|".join(patterns))
    for number, line in enumerate(page.text.split("\n"), start=1):
        if found.search(line):
            return number
    return 0


def _describe(href: str, fragment: str, what: str, target_rel: str) -> tuple[str, str]:
    if what == "page":
        return (
            f'the link "{href}" goes to a page or file that does not exist on the site ({target_rel})',
            "Correct the link, or create the page it points to.",
        )
    shown = target_rel[: -len("index.html")] if target_rel.endswith("index.html") else target_rel
    return (
        f'the link "{href}" goes to a heading that does not exist ("#{fragment}" on {shown or "the home page"})',
        "Correct the link, or give the heading that id ({#" + fragment + "}).",
    )


def _site_path(target_rel: str, locales: list[str]) -> str:
    """en/retired-page/ and retired-page/ are the same link from a template in two languages."""
    first, _, rest = target_rel.partition("/")
    return rest if first in locales else target_rel


def _guide_item_line(model: SiteModel, built_rel: str, target_rel: str, fragment: str) -> int:
    """The line in data/veiviser.yml of the item a broken link on a guide page comes from (0: none)."""
    guide = model.guide
    locales = "|".join(re.escape(locale) for locale in model.cfg.translation_locales)
    if guide is None or not re.match(rf"^(?:(?:{locales})/)?{GUIDE_PATH}/(?:.*/)?index\.html$", built_rel):
        return 0
    folder = _site_path(target_rel, model.cfg.translation_locales).removesuffix("index.html").strip("/")
    for item in guide.items:
        page = item.page.removesuffix("index.md").strip("/")
        if page == folder and fragment == item.anchor:
            return item.raw.line_of("section")
    return 0


def check(model: SiteModel) -> list[Problem]:
    site = model.built
    cfg = model.cfg
    pages = site.reader_pages()
    site_url = site.site_url
    shown_site = cfg.rel(site.site_dir)
    # (target, fragment, what is wrong) -> {built page: href as written there}
    broken: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
    for rel, page in pages.items():
        base = site_url + rel
        for href in page.links:
            kind, path, fragment = classify(href, base, site_url)
            if kind != "internal":
                continue
            found = target(site, path)
            if found is None:
                broken[(path or "/", fragment, "page")].setdefault(rel, href)
            elif fragment and found in pages and fragment not in pages[found].ids:
                broken[(found, fragment, "anchor")].setdefault(rel, href)
    # One problem per source line (a Norwegian page's link is also in every
    # fallback copy); links found in no source file come from templates.
    by_source: dict[tuple[str, int, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    from_templates: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for (target_rel, fragment, what), where in broken.items():
        for rel, href in where.items():
            source = source_of(model, rel)
            line = line_in(source, href, fragment) if source else 0
            item_line = _guide_item_line(model, rel, target_rel, fragment)
            if item_line:
                # One message per item, whichever step page (and depth) the link is on.
                by_source[(GUIDE_FILE, item_line, re.sub(r"^(?:\.\./)+", "", href), what)].append(
                    (rel, target_rel, fragment)
                )
            elif line:
                by_source[(source.shown, line, href, what)].append((rel, target_rel, fragment))
            else:
                from_templates[(_site_path(target_rel, cfg.translation_locales), fragment, what)].append(
                    (rel, href, target_rel)
                )
    problems = []
    for (path, line, href, what), found in by_source.items():
        rel, target_rel, fragment = found[0]
        wrong, fix = _describe(href, fragment, what, target_rel)
        seen = f"built page {shown_site}/{rel}" + (f" and {len(found) - 1} more" if len(found) > 1 else "")
        problems.append(Problem(path, line, f"{wrong} (in the {seen}). {fix}", check=NAME))
    for (_, fragment, what), found in from_templates.items():
        if len(found) > TEMPLATE_THRESHOLD:
            rel, href, target_rel = found[0]
            wrong, fix = _describe(href, fragment, what, target_rel)
            problems.append(
                Problem(
                    f"{shown_site}/{rel}",
                    0,
                    f"{wrong}, and the same in {len(found) - 1} other built pages. It comes from "
                    "a template (overrides/), the navigation or mkdocs.yml rather than from one "
                    f"page's text. {fix}",
                    check=NAME,
                )
            )
            continue
        for rel, href, target_rel in found:
            wrong, fix = _describe(href, fragment, what, target_rel)
            problems.append(Problem(f"{shown_site}/{rel}", 0, f"{wrong}. {fix}", check=NAME))
    return problems


def external_links(model: SiteModel) -> dict[str, list[str]]:
    """Every external address of the site -> the built pages that link to it. Never fetched."""
    site = model.built
    found: dict[str, set[str]] = defaultdict(set)
    for rel, page in site.reader_pages().items():
        for href in page.links:
            kind, url, _ = classify(href, site.site_url + rel, site.site_url)
            if kind == "external":
                found[url].add(rel)
    return {url: sorted(where) for url, where in sorted(found.items())}
