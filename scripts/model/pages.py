"""Every Markdown page of every language, read and parsed once per run.

`read_site(cfg)` reads docs/<locale>/**/*.md for each language in mkdocs.yml
into `SourcePage` records (front matter with line numbers, body, headings)
and decides each translation's state here and nowhere else:

* ``translated``: the translation records (``translation.source_hash``) the
  current content hash of its Norwegian page;
* ``outdated``:   it records another hash (the Norwegian text changed since);
* ``missing``:    there is no translation (readers get the Norwegian text);
* ``orphan``:     a translation whose Norwegian page does not exist.

The content hash covers the page's text only: front matter (review dates,
sources) and changes of whitespace alone do not make a translation outdated.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.slugs import theme_slug
from scripts.model.textfile import read_utf8

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\s*\{[^}]*?#([^\s}]+)[^}]*\}\s*$")
HTML_H1 = re.compile(r"<h1\b", re.I)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# The recorded hash as written: YAML would read 000000000000 as the number 0.
WRITTEN_HASH = re.compile(r"""(?m)^[ \t]+source_hash[ \t]*:[ \t]*["']?([^"'\s#]*)""")

EDITORS = "editors"
STATES = ("translated", "outdated", "missing")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str
    explicit: bool


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    in_code: bool


@dataclass
class SourcePage:
    locale: str
    path: str  # inside the language folder, as in nav: "rettigheter/index.md"
    file: Path
    shown: str  # as editors see it: "docs/nb/rettigheter/index.md"
    text: str = ""
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    # What stopped the page from being read: not UTF-8, no front matter,
    # YAML that does not parse. Reported by the content check.
    read_problems: list[Problem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """The front matter was read (its fields and body can be trusted)."""
        return not any(p.is_error for p in self.read_problems)

    def line_of(self, *keys) -> int:
        """Line of a front matter value: line_of('sources', 0, 'url')."""
        node, line = self.meta, 1
        for key in keys:
            if isinstance(node, (yamlfile.LineMap, yamlfile.LineList)):
                line = node.line_of(key)
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
        return line

    @property
    def for_editors(self) -> bool:
        """Pages for the editorial team (audience: editors) are not translated,
        compared, scored or published to readers."""
        return self.meta.get("audience") == EDITORS

    @property
    def translation_meta(self) -> dict:
        value = self.meta.get("translation")
        return value if isinstance(value, dict) else {}

    @property
    def recorded_hash(self) -> str | None:
        if self.translation_meta.get("source_hash") is None:
            return None
        end = self.text.find("\n---", 3)
        written = WRITTEN_HASH.search(self.text[: end if end > 0 else len(self.text)])
        return written.group(1) if written else str(self.translation_meta["source_hash"])

    @cached_property
    def content_hash(self) -> str:
        """What a translation records: the text with all runs of whitespace as one space."""
        return hashlib.sha256(" ".join(self.body.split()).encode("utf-8")).hexdigest()[:12]

    @cached_property
    def lines(self) -> list[Line]:
        """The body's lines with their numbers in the file, and whether each is inside a code fence."""
        found, fence = [], None
        for offset, text in enumerate(self.body.split("\n")):
            opening = FENCE.match(text)
            if fence is None and opening:
                fence = opening.group(1)[0] * 3
                found.append(Line(self.body_line + offset, text, True))
            elif fence is not None:
                if text.lstrip().startswith(fence):
                    fence = None
                found.append(Line(self.body_line + offset, text, True))
            else:
                found.append(Line(self.body_line + offset, text, False))
        return found

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for line in self.lines:
            if line.in_code:
                continue
            match = ATX_HEADING.match(INLINE_CODE.sub("", line.text))
            if not match:
                continue
            level, content = len(match.group(1)), match.group(2)
            explicit = ATTR_ID.search(content)
            title = ATTR_ID.sub("", content).strip()
            found.append(
                Heading(line.number, level, title, explicit.group(1) if explicit else theme_slug(title), bool(explicit))
            )
        return found

    @cached_property
    def h1_lines(self) -> list[int]:
        """Lines with a main heading ('# ...' or <h1>)."""
        lines = [h.line for h in self.headings if h.level == 1]
        for line in self.lines:
            if not line.in_code and HTML_H1.search(INLINE_CODE.sub("", line.text)) and line.number not in lines:
                lines.append(line.number)
        return sorted(lines)

    @property
    def heading_ids(self) -> set[str]:
        return {h.id for h in self.headings}


def parse_page(locale: str, path: str, text: str, *, file: Path | None = None, shown: str | None = None) -> SourcePage:
    """A page from its text (also how tests build one in memory)."""
    shown = shown or f"docs/{locale}/{path}"
    page = SourcePage(locale, path, file or Path(shown), shown, text=text, body=text)
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            page.read_problems.append(
                Problem(
                    shown,
                    1,
                    "the front matter has no closing '---' line. Add a line with only '---' after "
                    "the last field (before the page title).",
                )
            )
        else:
            page.read_problems.append(
                Problem(
                    shown,
                    1,
                    "the page has no front matter. Start the file with a '---' line, the fields "
                    "from translations/CONTENT-SPEC.md, and another '---' line.",
                )
            )
        return page
    page.body = text[match.end() :]
    page.body_line = text[: match.end()].count("\n") + 1
    if text[: match.end()].endswith("---"):  # the file ends right after the front matter
        page.body_line += 1
    data, problems = yamlfile.load(match.group(1) or "", shown, offset=1, what="front matter")
    page.read_problems += problems
    if data is None:
        return page
    if not isinstance(data, dict):
        page.read_problems.append(
            Problem(
                shown,
                2,
                "front matter must be 'key: value' lines. Check the spelling and indentation "
                "of this line (and the lines just above it).",
            )
        )
        return page
    page.meta = data
    return page


def read_page(cfg: SiteConfig, locale: str, path: str) -> SourcePage:
    file = cfg.lang_dir(locale) / path
    shown = cfg.rel(file)
    text, problems = read_utf8(file, shown)
    if text is None:
        page = SourcePage(locale, path, file, shown)
        page.read_problems = problems
        return page
    page = parse_page(locale, path, text, file=file, shown=shown)
    return page


@dataclass
class StrayFile:
    """A Markdown file the site cannot place: outside a language folder, in a
    folder that is not a language of mkdocs.yml."""

    file: Path
    shown: str
    folder: str  # the first folder under docs/ ('' for a file directly in docs/)


@dataclass
class SourceSite:
    cfg: SiteConfig
    pages: dict[str, dict[str, SourcePage]]  # locale -> path -> page
    stray: list[StrayFile] = field(default_factory=list)

    @property
    def default_locale(self) -> str:
        return self.cfg.default_locale

    def page(self, locale: str, path: str) -> SourcePage | None:
        return self.pages.get(locale, {}).get(path)

    def all_pages(self) -> list[SourcePage]:
        return [page for locale in self.cfg.locales for page in self.pages.get(locale, {}).values()]

    def source_of(self, page: SourcePage) -> SourcePage | None:
        """The Norwegian page a translation translates."""
        return self.page(self.default_locale, page.path)

    @property
    def reader_paths(self) -> list[str]:
        """Norwegian pages for readers (not for editors), sorted."""
        return sorted(path for path, page in self.pages.get(self.default_locale, {}).items() if not page.for_editors)

    def state(self, locale: str, path: str) -> str:
        """translated | outdated | missing | orphan (for the default language: 'source')."""
        if locale == self.default_locale:
            return "source"
        source = self.page(self.default_locale, path)
        translation = self.page(locale, path)
        if source is None:
            return "orphan" if translation is not None else "missing"
        if translation is None:
            return "missing"
        return "translated" if translation.recorded_hash == source.content_hash else "outdated"


def _markdown_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if p.is_file()) if folder.is_dir() else []


def read_site(cfg: SiteConfig) -> SourceSite:
    pages: dict[str, dict[str, SourcePage]] = {}
    for locale in cfg.locales:
        base = cfg.lang_dir(locale)
        pages[locale] = {}
        for file in _markdown_files(base):
            path = file.relative_to(base).as_posix()
            pages[locale][path] = read_page(cfg, locale, path)
    stray = []
    for file in _markdown_files(cfg.docs_dir):
        parts = file.relative_to(cfg.docs_dir).parts
        if len(parts) == 1 or parts[0] not in cfg.locales:
            stray.append(StrayFile(file, cfg.rel(file), parts[0] if len(parts) > 1 else ""))
    return SourceSite(cfg, pages, stray)


def coverage(site: SourceSite) -> dict:
    """{'source': 'nb', 'pages': [...], 'languages': {locale: {...}}}: each
    reader page's state in each language, with counts and percentages."""
    cfg = site.cfg
    default = cfg.default_locale
    sources = site.reader_paths
    result = {"source": default, "pages": sources, "languages": {}}
    for locale in cfg.translation_locales:
        states = {path: site.state(locale, path) for path in sources}
        orphans = sorted(
            path
            for path, page in site.pages.get(locale, {}).items()
            if site.state(locale, path) == "orphan" and not page.for_editors
        )
        counts = {state: sum(1 for s in states.values() if s == state) for state in STATES}
        reviewed_pages = sorted(
            path
            for path, state in states.items()
            if state == "translated" and site.page(locale, path).translation_meta.get("status") == "reviewed"
        )
        reviewed = len(reviewed_pages)
        total = len(sources)
        result["languages"][locale] = {
            **counts,
            "reviewed": reviewed,
            "machine": counts["translated"] - reviewed,
            "orphan": len(orphans),
            "total": total,
            "percent": round(100 * counts["translated"] / total, 1) if total else 100.0,
            "pages": states,
            "reviewed_pages": reviewed_pages,
            "orphans": orphans,
        }
    return result
