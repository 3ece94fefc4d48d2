"""Every page in every language: front matter, unsafe or fragile input, headings.

* front matter: required fields, dates, review interval, sources (https);
* unsafe or fragile input: raw <script>/<iframe>/<style>, on...= and style=
  attributes, javascript: links, invisible and bidirectional control
  characters, images without alt text, not exactly one H1, heading ids.

Pages with ``audience: editors`` need no sources. translations/CONTENT-SPEC.md
is the contract.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from scripts.model.dates import add_months, as_date
from scripts.model.pages import INLINE_CODE, SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.model.slugs import ascii_slug
from scripts.model.yamlfile import InvalidDate

NAME = "content"
REVIEW_WARNING_DAYS = 30
REQUIRED = ("title", "description", "owner", "last_reviewed", "next_review", "time_sensitive", "sources")
OPTIONAL = ("review_notes", "translation", "audience")
# Material's own page fields, allowed but not required.
MATERIAL_FIELDS = ("hide", "search", "template", "icon", "status", "subtitle", "tags", "robots")
DESCRIPTION_MAX = 160

CONTROL_CHARS = {
    *range(0x200B, 0x2010),  # zero-width space/joiners, LRM, RLM
    *range(0x202A, 0x202F),  # bidirectional embeddings and overrides
    *range(0x2066, 0x206A),  # bidirectional isolates
    0xFEFF,  # zero-width no-break space (byte order mark)
    0x00AD,  # soft hyphen
}
CONTROL_RE = re.compile("[" + "".join(chr(c) for c in sorted(CONTROL_CHARS)) + "]")
RAW_TAG = re.compile(r"<\s*(script|iframe|style)\b", re.I)
EVENT_ATTR = re.compile(r"(?:<[a-zA-Z][^>]*|\{[^}\n]*)\s(on[a-z]+|style)\s*=", re.I)
JS_URL = re.compile(r"javascript\s*:", re.I)
MD_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'>]+)""", re.I)
ID_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _p(page: SourcePage, line: int, message: str, severity: str = "error") -> Problem:
    return Problem(page.shown, line, message, severity, check=NAME)


def _shown_date(value) -> str:
    return str(value) if isinstance(value, InvalidDate) else repr(value)


_SPACE = re.compile(r"\s")  # the characters str.isspace() calls space, all of them


def is_https_url(value) -> bool:
    """A real https address: scheme https, a host with a dot, no spaces."""
    text = str(value).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (
        parts.scheme == "https" and bool(parts.hostname) and "." in (parts.hostname or "") and not _SPACE.search(text)
    )


def front_matter_problems(page: SourcePage, today) -> list[Problem]:
    if not page.readable:
        return [Problem(p.path, p.line, p.message, p.severity, check=NAME) for p in page.read_problems]
    meta = page.meta
    editors = page.for_editors
    problems = [Problem(p.path, p.line, p.message, p.severity, check=NAME) for p in page.read_problems]
    for key in REQUIRED:
        if key == "sources" and editors:
            continue
        if key not in meta or meta[key] in (None, ""):
            problems.append(
                _p(
                    page,
                    page.line_of(key) if key in meta else 1,
                    f"the required field '{key}' is missing or empty. Add '{key}:' to the front "
                    "matter (see translations/CONTENT-SPEC.md).",
                )
            )
    for key in meta:
        if key not in REQUIRED + OPTIONAL + MATERIAL_FIELDS:
            problems.append(
                _p(
                    page,
                    page.line_of(key),
                    f"unknown front matter field '{key}'. Check the spelling; the fields are: "
                    f"{', '.join(REQUIRED + OPTIONAL)}.",
                    "warning",
                )
            )
    for key in ("title", "description", "owner"):
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            problems.append(_p(page, page.line_of(key), f"'{key}' must be text. Put the value in quotes."))
    if isinstance(meta.get("description"), str) and len(meta["description"]) > DESCRIPTION_MAX:
        problems.append(
            _p(
                page,
                page.line_of("description"),
                f"the description is {len(meta['description'])} characters long; search engines "
                f"cut it after {DESCRIPTION_MAX}. Shorten it to one sentence.",
                "warning",
            )
        )
    if "time_sensitive" in meta and not isinstance(meta["time_sensitive"], bool):
        problems.append(
            _p(
                page,
                page.line_of("time_sensitive"),
                "'time_sensitive' must be true or false. Write 'time_sensitive: true' if "
                "the page has amounts, day counts, ages or deadlines, otherwise 'false'.",
            )
        )

    dates = {}
    for key in ("last_reviewed", "next_review"):
        if meta.get(key) not in (None, ""):
            dates[key] = as_date(meta[key])
            if dates[key] is None:
                problems.append(
                    _p(
                        page,
                        page.line_of(key),
                        f"'{key}' is not a valid date ({_shown_date(meta[key])}). Write it as YYYY-MM-DD, "
                        "for example 2027-03-01.",
                    )
                )
    last, nxt = dates.get("last_reviewed"), dates.get("next_review")
    if last and last > today:
        problems.append(
            _p(
                page,
                page.line_of("last_reviewed"),
                f"'last_reviewed' ({last}) is in the future. Write the date the page was actually reviewed.",
            )
        )
    if last and nxt:
        months = 12 if meta.get("time_sensitive") is True else 24
        if nxt <= last:
            problems.append(
                _p(
                    page,
                    page.line_of("next_review"),
                    f"'next_review' ({nxt}) must be after 'last_reviewed' ({last}). Set a date "
                    f"within {months} months after the last review.",
                )
            )
        elif nxt > add_months(last, months):
            why = "time-sensitive pages (time_sensitive: true)" if months == 12 else "pages"
            problems.append(
                _p(
                    page,
                    page.line_of("next_review"),
                    f"'next_review' ({nxt}) is more than {months} months after 'last_reviewed' "
                    f"({last}); {why} must be reviewed at least every {months} months. Set it "
                    f"to {add_months(last, months)} or earlier.",
                )
            )
    if nxt:
        if nxt < today:
            problems.append(
                _p(
                    page,
                    page.line_of("next_review"),
                    f"the review date {nxt} has passed; readers see that the page is due for review. Review the "
                    "page (check every fact against its source), then set 'last_reviewed' to today and "
                    "'next_review' to the next date.",
                    # A warning: an overdue review must never stop a typo fix or an urgent correction.
                    "warning",
                )
            )
        elif (nxt - today).days <= REVIEW_WARNING_DAYS:
            problems.append(
                _p(
                    page,
                    page.line_of("next_review"),
                    f"the page is due for review on {nxt} ({(nxt - today).days} days from now). "
                    "Plan the review; after it, update 'last_reviewed' and 'next_review'.",
                    "warning",
                )
            )

    problems += _sources_problems(page, editors)
    notes = meta.get("review_notes")
    if notes is not None and not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
        problems.append(
            _p(
                page,
                page.line_of("review_notes"),
                "'review_notes' must be a list of lines that start with '- ' (one note per "
                "line, in quotes if it contains a colon).",
            )
        )
    return problems


def _sources_problems(page: SourcePage, editors: bool) -> list[Problem]:
    sources = page.meta.get("sources")
    if sources in (None, ""):
        return []  # reported as a missing required field
    line = page.line_of("sources")
    example = (
        "Write each source as '- title: Name of the page' with 'url: https://...' "
        "on the next line, indented under 'title'."
    )
    if not isinstance(sources, list) or (not sources and not editors):
        return [_p(page, line, f"'sources' must be a list with at least one source. {example}")]
    problems = []
    for i, item in enumerate(sources):
        where = page.line_of("sources", i)
        if not isinstance(item, dict) or not item.get("title") or not item.get("url"):
            problems.append(_p(page, where, f"source number {i + 1} needs both 'title' and 'url'. {example}"))
            continue
        url = str(item["url"])
        if not url.startswith("https://"):
            problems.append(
                _p(
                    page,
                    page.line_of("sources", i, "url"),
                    f"the source address {url!r} must start with https://. Use the page's secure (https) address.",
                )
            )
        elif not is_https_url(url):
            problems.append(
                _p(
                    page,
                    page.line_of("sources", i, "url"),
                    f"the source address {url!r} is not a complete web address. Copy it from the "
                    "browser's address bar.",
                )
            )
        if not isinstance(item["title"], str):
            problems.append(
                _p(
                    page,
                    page.line_of("sources", i, "title"),
                    f"the title of source number {i + 1} must be text. Put it in quotes.",
                )
            )
    return problems


def char_problems(page: SourcePage) -> list[Problem]:
    problems = []
    if not CONTROL_RE.search(page.text):  # the usual case, without a loop over every character
        return problems
    for number, line in enumerate(page.text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if ord(char) in CONTROL_CHARS:
                name = unicodedata.name(char, "control character")
                problems.append(
                    _p(
                        page,
                        number,
                        f"invisible character U+{ord(char):04X} ({name}) at column {column}. Delete "
                        "it: it is invisible in most editors and can change how the text is shown "
                        "or read aloud (retype the words around it).",
                    )
                )
    return problems


def body_problems(page: SourcePage, unsafe_html: bool = True) -> list[Problem]:
    """`unsafe_html`: also the quick look for scripts in the Markdown (the
    built-site html check judges the real HTML after a build)."""
    problems: list[Problem] = []
    for line in page.lines:
        if line.in_code:
            continue
        number, text = line.number, INLINE_CODE.sub("", line.text)
        if unsafe_html:
            match = RAW_TAG.search(text)
            if match:
                tag = match.group(1).lower()
                problems.append(
                    _p(
                        page,
                        number,
                        f"raw <{tag}> is not allowed in pages. Remove it; ask a developer if the page "
                        "needs something it would do.",
                    )
                )
            match = EVENT_ATTR.search(text)
            if match:
                attr = match.group(1).lower()
                if attr == "style":
                    problems.append(
                        _p(
                            page,
                            number,
                            "the attribute style= (inline styling) is not allowed. Remove it; styling "
                            "belongs in the site's stylesheet (ask a developer).",
                        )
                    )
                else:
                    problems.append(
                        _p(
                            page,
                            number,
                            f"the attribute {attr}= (a script in an attribute) is not allowed. Remove "
                            "it; pages must not run scripts.",
                        )
                    )
            if JS_URL.search(text):
                problems.append(
                    _p(
                        page,
                        number,
                        "a 'javascript:' address is not allowed. Link to a normal https:// page or "
                        "a page on this site instead.",
                    )
                )
        if MD_IMAGE_NO_ALT.search(text) or any(not HTML_ALT.search(tag) for tag in HTML_IMG.findall(text)):
            problems.append(
                _p(
                    page,
                    number,
                    "an image has no alt text. Describe what the image shows between the brackets: "
                    "![What the picture shows](file.png).",
                )
            )
    h1_lines = page.h1_lines
    if not h1_lines:
        problems.append(
            _p(page, page.body_line, "the page has no main heading. Start the text with one line '# Page title'.")
        )
    for number in h1_lines[1:]:
        problems.append(
            _p(
                page,
                number,
                "the page has more than one main heading ('# ...'); the first is on line "
                f"{h1_lines[0]}. Make this one a subheading: '## ...' with an id.",
            )
        )
    seen: dict[str, int] = {}
    for h in page.headings:
        if h.level == 1:
            continue
        if not h.explicit:
            problems.append(
                _p(
                    page,
                    h.line,
                    f"the heading '{h.text}' has no id. Add one at the end of the line, ASCII "
                    f"lowercase with hyphens, e.g. '{'#' * h.level} {h.text} {{#{ascii_slug(h.text, 'id')}}}'; "
                    "translations keep the same id.",
                )
            )
        elif not ID_FORMAT.match(h.id):
            problems.append(
                _p(
                    page,
                    h.line,
                    f"the heading id '{h.id}' may only use a-z, 0-9 and hyphens. Write it like "
                    f"{{#{ascii_slug(h.id, 'id')}}} (and change links to it).",
                )
            )
        if h.id in seen:
            problems.append(
                _p(
                    page,
                    h.line,
                    f"the heading id '{h.id}' is also used on line {seen[h.id]}; links to it cannot "
                    "work. Give this heading another id.",
                )
            )
        seen.setdefault(h.id, h.line)
    return problems


def review_dates(page: SourcePage) -> tuple:
    """(last_reviewed, next_review) as dates, None where missing or not a date."""
    return as_date(page.meta.get("last_reviewed")), as_date(page.meta.get("next_review"))


def due_for_review(model: SiteModel, within_days: int) -> list[tuple[SourcePage, object]]:
    """Norwegian reader pages whose next review falls within `within_days` (or has passed), soonest first."""
    found = []
    for page in model.pages.pages.get(model.cfg.default_locale, {}).values():
        if page.readable and not page.for_editors:
            due = review_dates(page)[1]
            if due is not None and (due - model.today).days <= within_days:
                found.append((page, due))
    return sorted(found, key=lambda item: (item[1], item[0].path))


def check(model: SiteModel) -> list[Problem]:
    problems: list[Problem] = []
    for page in model.pages.all_pages():
        problems += front_matter_problems(page, model.today)
        problems += char_problems(page)
        if page.text:
            # In a build the html check judges the built pages instead: one message per mistake.
            problems += body_problems(page, unsafe_html=model.site_dir is None)
    return problems
