"""Content checks for every page in docs/, in every language.

    python -m scripts.check_content              # all checks; exit 1 on errors
    python -m scripts.check_content --lix        # also the readability table (LIX) for Norwegian pages
    python -m scripts.check_content --today 2027-01-01   # pretend it is another day (review dates)

What is checked (translations/CONTENT-SPEC.md is the contract):

* front matter: required fields, dates, review interval, sources (https),
  translation metadata (status, source_hash) on translations;
* unsafe or fragile input: raw <script>/<iframe>/<style>, on...= and style=
  attributes, javascript: links, invisible and bidirectional control
  characters, images without alt text, not exactly one H1;
* a translation against its Norwegian page: the same headings (levels and
  ids, in order), and in every section the same numbers, legal provisions,
  phone numbers, e-mail addresses and web addresses (digit script and
  spacing ignored), and the same source URLs;
* readability of Norwegian pages (LIX), as warnings.

Pages with ``audience: editors`` (the editors' pages under redaksjon/) need no
sources and are not compared or scored for readability.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import translation_coverage
from scripts.site_config import FRONT_MATTER, MarkdownPage, Problem, SiteConfig, iter_markdown_lines, load_config, read_page, report

# LIX (Björnsson): words per sentence + percentage of words longer than six
# letters. Under 30 very easy, 30-40 easy, 40-50 medium (newspapers),
# 50-60 hard (official documents), over 60 very hard. Plain-language
# guidance for public information aims at about 40; we warn above 45 for a
# page, so legal terms that cannot be avoided do not trigger it, and above
# 40 for the Norwegian site as a whole.
LIX_PAGE_WARNING = 45
LIX_SITE_WARNING = 40
# LIX means little for a short text; pages with fewer words are not scored alone.
LIX_MIN_WORDS = 100

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


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str
    explicit: bool


# --- helpers -----------------------------------------------------------------


def _p(cfg: SiteConfig, page: MarkdownPage, line: int, message: str, severity: str = "error") -> Problem:
    return Problem(cfg.rel(page.path), line, message, severity, check="content")


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _nested_lines(page: MarkdownPage) -> dict[tuple, int]:
    """Line numbers of nested front matter values: ('sources', 0, 'url') -> 12."""
    match = FRONT_MATTER.match(page.text)
    lines: dict[tuple, int] = {}
    if not match or not match.group(1):
        return lines

    def walk(node, key):
        lines[key] = node.start_mark.line + 2
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                lines[key + (str(k.value),)] = k.start_mark.line + 2
                walk(v, key + (str(k.value),))
                lines[key + (str(k.value),)] = k.start_mark.line + 2
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, key + (i,))

    try:
        walk(yaml.compose(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), ())
    except yaml.YAMLError:
        pass
    return lines


# --- front matter ----------------------------------------------------------------


def front_matter_problems(cfg: SiteConfig, page: MarkdownPage, today: dt.date, translation: bool) -> list[Problem]:
    if page.meta_error:
        if page.meta_error == "no front matter":
            return [_p(cfg, page, 1, "the page has no front matter. Start the file with a '---' line, the fields from translations/CONTENT-SPEC.md, and another '---' line.")]
        for number, line in enumerate(page.text.split("\n")[1:], start=2):
            date = re.match(r"\s*(\w+)\s*:\s*(\d{4}-\d\d?-\d\d?)\s*$", line)
            if line.strip() == "---":
                break
            if date and _as_date(date.group(2)) is None:
                return [_p(cfg, page, number, f"'{date.group(1)}' is not a valid date ({date.group(2)}). Write it as YYYY-MM-DD, for example 2027-03-01.")]
        return [_p(cfg, page, page.meta_error_line, f"{page.meta_error}. Check the spelling and indentation of this line (and the lines just above it).")]
    meta = page.meta
    editors = meta.get("audience") == "editors"
    problems = []
    for key in REQUIRED:
        if key == "sources" and editors:
            continue
        if key not in meta or meta[key] in (None, ""):
            problems.append(_p(cfg, page, page.line_of(key) if key in meta else 1, f"the required field '{key}' is missing or empty. Add '{key}:' to the front matter (see translations/CONTENT-SPEC.md)."))
    for key in meta:
        if key not in REQUIRED + OPTIONAL + MATERIAL_FIELDS:
            problems.append(_p(cfg, page, page.line_of(key), f"unknown front matter field '{key}'. Check the spelling; the fields are: {', '.join(REQUIRED + OPTIONAL)}.", "warning"))
    for key in ("title", "description", "owner"):
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            problems.append(_p(cfg, page, page.line_of(key), f"'{key}' must be text. Put the value in quotes."))
    if isinstance(meta.get("description"), str) and len(meta["description"]) > DESCRIPTION_MAX:
        problems.append(_p(cfg, page, page.line_of("description"), f"the description is {len(meta['description'])} characters long; search engines cut it after {DESCRIPTION_MAX}. Shorten it to one sentence.", "warning"))
    if "time_sensitive" in meta and not isinstance(meta["time_sensitive"], bool):
        problems.append(_p(cfg, page, page.line_of("time_sensitive"), "'time_sensitive' must be true or false. Write 'time_sensitive: true' if the page has amounts, day counts, ages or deadlines, otherwise 'false'."))

    dates = {}
    for key in ("last_reviewed", "next_review"):
        if meta.get(key) not in (None, ""):
            dates[key] = _as_date(meta[key])
            if dates[key] is None:
                problems.append(_p(cfg, page, page.line_of(key), f"'{key}' is not a valid date ({meta[key]!r}). Write it as YYYY-MM-DD, for example 2027-03-01."))
    last, nxt = dates.get("last_reviewed"), dates.get("next_review")
    if last and last > today:
        problems.append(_p(cfg, page, page.line_of("last_reviewed"), f"'last_reviewed' ({last}) is in the future. Write the date the page was actually reviewed."))
    if last and nxt:
        months = 12 if meta.get("time_sensitive") is True else 24
        if nxt <= last:
            problems.append(_p(cfg, page, page.line_of("next_review"), f"'next_review' ({nxt}) must be after 'last_reviewed' ({last}). Set a date within {months} months after the last review."))
        elif nxt > add_months(last, months):
            why = "time-sensitive pages (time_sensitive: true)" if months == 12 else "pages"
            problems.append(_p(cfg, page, page.line_of("next_review"), f"'next_review' ({nxt}) is more than {months} months after 'last_reviewed' ({last}); {why} must be reviewed at least every {months} months. Set it to {add_months(last, months)} or earlier."))
    if nxt:
        if nxt < today:
            problems.append(_p(cfg, page, page.line_of("next_review"), f"the review date {nxt} has passed. Review the page (check every fact against its source), then set 'last_reviewed' to today and 'next_review' to the next date."))
        elif (nxt - today).days <= REVIEW_WARNING_DAYS:
            problems.append(_p(cfg, page, page.line_of("next_review"), f"the page is due for review on {nxt} ({(nxt - today).days} days from now). Plan the review; after it, update 'last_reviewed' and 'next_review'.", "warning"))

    problems += _sources_problems(cfg, page, _nested_lines(page), editors)
    notes = meta.get("review_notes")
    if notes is not None and not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
        problems.append(_p(cfg, page, page.line_of("review_notes"), "'review_notes' must be a list of lines that start with '- ' (one note per line, in quotes if it contains a colon)."))
    if translation and not editors:
        problems += translation_coverage.meta_problems(cfg, page)
    return problems


def _sources_problems(cfg: SiteConfig, page: MarkdownPage, nested: dict, editors: bool) -> list[Problem]:
    sources = page.meta.get("sources")
    if sources in (None, ""):
        return []  # reported as a missing required field
    line = page.line_of("sources")
    example = "Write each source as '- title: Name of the page' with 'url: https://...' on the next line, indented under 'title'."
    if not isinstance(sources, list) or (not sources and not editors):
        return [_p(cfg, page, line, f"'sources' must be a list with at least one source. {example}")]
    problems = []
    for i, item in enumerate(sources):
        where = nested.get(("sources", i), line)
        if not isinstance(item, dict) or not item.get("title") or not item.get("url"):
            problems.append(_p(cfg, page, where, f"source number {i + 1} needs both 'title' and 'url'. {example}"))
            continue
        url = str(item["url"])
        if not url.startswith("https://"):
            problems.append(_p(cfg, page, nested.get(("sources", i, "url"), where), f"the source address {url!r} must start with https://. Use the page's secure (https) address."))
    return problems


# --- body: unsafe and fragile input ------------------------------------------------

INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
RAW_TAG = re.compile(r"<\s*(script|iframe|style)\b", re.I)
EVENT_ATTR = re.compile(r"(?:<[a-zA-Z][^>]*|\{[^}\n]*)\s(on[a-z]+|style)\s*=", re.I)
JS_URL = re.compile(r"javascript\s*:", re.I)
MD_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s"'>]+)""", re.I)
ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID = re.compile(r"\s*\{[^}]*?#([^\s}]+)[^}]*\}\s*$")
HTML_H1 = re.compile(r"<h1\b", re.I)
ID_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


CONTROL_RE = re.compile("[" + "".join(chr(c) for c in sorted(CONTROL_CHARS)) + "]")


def char_problems(cfg: SiteConfig, page: MarkdownPage) -> list[Problem]:
    problems = []
    if not CONTROL_RE.search(page.text):  # the usual case, without a loop over every character
        return problems
    for number, line in enumerate(page.text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if ord(char) in CONTROL_CHARS:
                name = unicodedata.name(char, "control character")
                problems.append(_p(cfg, page, number, f"invisible character U+{ord(char):04X} ({name}) at column {column}. Delete it: it is invisible in most editors and can change how the text is shown or read aloud (retype the words around it)."))
    return problems


def body_problems(cfg: SiteConfig, page: MarkdownPage) -> tuple[list[Problem], list[Heading]]:
    problems: list[Problem] = []
    headings: list[Heading] = []
    h1_lines = []
    for number, line, in_code in iter_markdown_lines(page.body, page.body_line):
        if in_code:
            continue
        text = INLINE_CODE.sub("", line)
        match = RAW_TAG.search(text)
        if match:
            tag = match.group(1).lower()
            problems.append(_p(cfg, page, number, f"raw <{tag}> is not allowed in pages. Remove it; ask a developer if the page needs something it would do."))
        match = EVENT_ATTR.search(text)
        if match:
            attr = match.group(1).lower()
            if attr == "style":
                problems.append(_p(cfg, page, number, "the attribute style= (inline styling) is not allowed. Remove it; styling belongs in the site's stylesheet (ask a developer)."))
            else:
                problems.append(_p(cfg, page, number, f"the attribute {attr}= (a script in an attribute) is not allowed. Remove it; pages must not run scripts."))
        if JS_URL.search(text):
            problems.append(_p(cfg, page, number, "a 'javascript:' address is not allowed. Link to a normal https:// page or a page on this site instead."))
        if MD_IMAGE_NO_ALT.search(text) or any(not HTML_ALT.search(tag) for tag in HTML_IMG.findall(text)):
            problems.append(_p(cfg, page, number, "an image has no alt text. Describe what the image shows between the brackets: ![What the picture shows](file.png)."))
        heading = ATX_HEADING.match(text)
        if heading:
            level, content = len(heading.group(1)), heading.group(2)
            explicit = ATTR_ID.search(content)
            title = ATTR_ID.sub("", content).strip()
            hid = explicit.group(1) if explicit else _slugify(title)
            headings.append(Heading(number, level, title, hid, bool(explicit)))
            if level == 1:
                h1_lines.append(number)
        elif HTML_H1.search(text):
            h1_lines.append(number)
    if not h1_lines:
        problems.append(_p(cfg, page, page.body_line, "the page has no main heading. Start the text with one line '# Page title'."))
    for number in h1_lines[1:]:
        problems.append(_p(cfg, page, number, f"the page has more than one main heading ('# ...'); the first is on line {h1_lines[0]}. Make this one a subheading: '## ...' with an id."))
    seen: dict[str, int] = {}
    for h in headings:
        if h.level == 1:
            continue
        if not h.explicit:
            problems.append(_p(cfg, page, h.line, f"the heading '{h.text}' has no id. Add one at the end of the line, ASCII lowercase with hyphens, e.g. '{'#' * h.level} {h.text} {{#{_ascii_slug(h.text)}}}'; translations keep the same id."))
        elif not ID_FORMAT.match(h.id):
            problems.append(_p(cfg, page, h.line, f"the heading id '{h.id}' may only use a-z, 0-9 and hyphens. Write it like {{#{_ascii_slug(h.id)}}} (and change links to it)."))
        if h.id in seen:
            problems.append(_p(cfg, page, h.line, f"the heading id '{h.id}' is also used on line {seen[h.id]}; links to it cannot work. Give this heading another id."))
        seen.setdefault(h.id, h.line)
    return problems, headings


def _slugify(text: str) -> str:
    from pymdownx.slugs import slugify

    return slugify(case="lower")(text, "-")


def _ascii_slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "id"


# --- a translation against its Norwegian page ------------------------------------


def structure_problems(cfg: SiteConfig, page: MarkdownPage, headings: list[Heading], source: MarkdownPage, source_headings: list[Heading]) -> list[Problem]:
    import difflib

    src = cfg.rel(source.path)
    mine = [h for h in headings if h.level > 1]
    theirs = [h for h in source_headings if h.level > 1]
    problems = []
    matcher = difflib.SequenceMatcher(a=[h.id for h in theirs], b=[h.id for h in mine], autojunk=False)
    last_line = page.text.count("\n") + 1
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for s, t in zip(theirs[a1:a2], mine[b1:b2]):
                if s.level != t.level:
                    problems.append(_p(cfg, page, t.line, f"this heading is level {t.level} ({'#' * t.level}) but the Norwegian heading {{#{s.id}}} is level {s.level} ({'#' * s.level}) ({src}:{s.line}). Use {'#' * s.level}."))
            continue
        if op in ("replace", "insert"):
            for t in mine[b1:b2]:
                where = ", ".join(f"{{#{s.id}}} ({src}:{s.line})" for s in theirs[a1:a2]) or "no heading"
                problems.append(_p(cfg, page, t.line, f"the heading id {{#{t.id}}} does not match the Norwegian page, which has {where} here. Use the same ids, in the same order, as the Norwegian page."))
        if op == "delete":
            at = mine[b1].line if b1 < len(mine) else last_line
            for s in theirs[a1:a2]:
                problems.append(_p(cfg, page, at, f"the Norwegian heading '{'#' * s.level} {s.text} {{#{s.id}}}' ({src}:{s.line}) is missing in this translation. Translate that section and keep the id."))
    return problems


# Facts compared between languages. Arabic-Indic and Persian digits count as 0-9.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")  # and Arabic decimal/thousands signs
# Month names next to a number count as that month's number, so "1. januar
# 2027", "1 January 2027" and "2027-01-01" agree. (Only next to a number:
# English "may" is also a verb.)
MONTHS = {
    name: number
    for names in (
        "januar februar mars april mai juni juli august september oktober november desember",
        "january february march april may june july august september october november december",
        "janaayo febraayo maarso abriil maajo juun luulyo agoosto sebtembar oktoobar nofeembar desembar",
        "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    )
    for number, name in enumerate(names.split(), start=1)
}
DATE_MONTH = re.compile(r"(?:(?<=\d)\.?\s+|(?<=\d\.)\s*)(" + "|".join(MONTHS) + r")\b|\b(" + "|".join(MONTHS) + r")(?=\s+\d)", re.I)
URL = re.compile(r"https?://[^\s<>()\[\]\"']+(?:\([^\s()]*\)[^\s<>()\[\]\"']*)*")
EMAIL = re.compile(r"(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|^\s*\[[^\]]+\]:\s*\S+")
ATTRS = re.compile(r"\{[:#.][^}]*\}|\{\s*#[^}]*\}|<[^>]+>")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")
PROVISION = re.compile(r"§§?\s*(\d+[A-Z]?(?:\s*[-–]\s*\d+)?(?:\s+[a-z](?=[)\],.;:]|\s*$))?)")
NUMBER = re.compile(r"\d+(?:(?:[ \u00a0\u202f]|[.,](?=\d))\d+)*")


MAY_HAVE_FACTS = re.compile(r"[0-9٠-٩۰-۹@]|https?:")


def facts(line: str) -> list[tuple[str, str]]:
    """(key, as written) for every fact in one line of Markdown."""
    found = []
    if not MAY_HAVE_FACTS.search(line):  # most lines: no digit, address or e-mail
        return found
    text = line.translate(DIGITS)
    for match in URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        found.append(("url " + url.rstrip("/"), url))
    text = URL.sub(" ", text)
    for match in EMAIL.finditer(text):
        found.append(("email " + match.group(1).lower(), match.group(1)))
    text = EMAIL.sub(" ", text)
    text = LINK_TARGET.sub("] ", text)  # relative link targets and their #anchors
    text = ATTRS.sub(" ", text)  # heading ids, attribute lists, HTML tags
    text = LIST_MARKER.sub(" ", text)
    for match in PROVISION.finditer(text):
        found.append(("§ " + re.sub(r"[\s–]", "", match.group(1)).replace("–", "-"), match.group(0).strip()))
    text = PROVISION.sub(" ", text)
    for match in DATE_MONTH.finditer(text):
        name = match.group(1) or match.group(2)
        found.append(("number " + str(MONTHS[name.lower()]), name))
    for match in NUMBER.finditer(text):
        run = re.sub(r"[ \u00a0\u202f]", "", match.group(0))  # spacing ignored: 22 46 19 22 = 22461922
        parts = re.split(r"[.,]", run)
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            parts = ["".join(parts)]  # thousands separators: 10,000 = 10.000 = 10 000
        for part in parts:
            found.append(("number " + str(int(part)), match.group(0)))
    return found


def sections(page: MarkdownPage, headings: list[Heading]) -> dict[str, tuple[int, Counter, dict]]:
    """heading id -> (heading line, Counter of fact keys, first line and spelling per key)."""
    starts = {h.line: h for h in headings if h.level > 1}
    result: dict[str, tuple[int, Counter, dict]] = {}
    current = ""
    result[current] = (page.body_line, Counter(), {})
    for number, line, in_code in iter_markdown_lines(page.body, page.body_line):
        if number in starts:
            current = starts[number].id
            result.setdefault(current, (number, Counter(), {}))
            line = ATTR_ID.sub("", line)
        if in_code:
            continue
        _, counter, where = result[current]
        for key, shown in facts(line):
            counter[key] += 1
            where.setdefault(key, (number, shown))
    return result


_SECTIONS_CACHE: dict[tuple[Path, str], dict] = {}


def _source_sections(source: MarkdownPage, headings: list[Heading]) -> dict:
    """A Norwegian page's sections, computed once for all its translations."""
    key = (source.path, source.text)
    if key not in _SECTIONS_CACHE:
        _SECTIONS_CACHE[key] = sections(source, headings)
    return _SECTIONS_CACHE[key]


def agreement_problems(cfg: SiteConfig, page: MarkdownPage, headings: list[Heading], source: MarkdownPage, source_headings: list[Heading]) -> list[Problem]:
    src = cfg.rel(source.path)
    mine = sections(page, headings)
    theirs = _source_sections(source, source_headings)
    problems = []
    for sid, (line, counter, where) in mine.items():
        if sid not in theirs:
            continue  # reported by the heading comparison
        s_line, s_counter, s_where = theirs[sid]
        for key in s_counter:
            if counter[key] < s_counter[key]:
                number, shown = s_where[key]
                problems.append(_p(cfg, page, line, f'the Norwegian page says "{shown}" here ({src}:{number}) but this translation does not. Write it exactly as the Norwegian page does, or fix the Norwegian page.'))
        for key in counter:
            if counter[key] > s_counter[key]:
                number, shown = where[key]
                problems.append(_p(cfg, page, number, f'this translation says "{shown}" but the Norwegian page does not in this section ({src}:{s_line}). Check the value against the Norwegian page.'))
    return problems


def source_url_problems(cfg: SiteConfig, page: MarkdownPage, source: MarkdownPage) -> list[Problem]:
    def urls(p):
        items = p.meta.get("sources") if isinstance(p.meta.get("sources"), list) else []
        return [str(i["url"]) for i in items if isinstance(i, dict) and i.get("url")]

    mine, theirs = urls(page), urls(source)
    src_lines = _nested_lines(source)
    problems = []
    for i, url in enumerate(theirs):
        if url not in mine:
            problems.append(_p(cfg, page, page.line_of("sources"), f'the Norwegian page lists the source "{url}" ({cfg.rel(source.path)}:{src_lines.get(("sources", i, "url"), 1)}) but this translation does not. Add it to \'sources\' with the same url (the title may be translated).'))
    nested = _nested_lines(page)
    for i, url in enumerate(mine):
        if url not in theirs:
            problems.append(_p(cfg, page, nested.get(("sources", i, "url"), page.line_of("sources")), f'the source "{url}" is not among the Norwegian page\'s sources ({cfg.rel(source.path)}). Use the same source URLs as the Norwegian page.'))
    return problems


# --- readability -----------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def lix_counts(page: MarkdownPage) -> tuple[int, int, int]:
    """(words, sentences, long words) of the prose of a page."""
    words = sentences = long_words = 0
    for _, line, in_code in iter_markdown_lines(page.body, page.body_line):
        if in_code:
            continue
        text = URL.sub(" ", ATTRS.sub(" ", LINK_TARGET.sub("] ", line)))
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


def readability(cfg: SiteConfig) -> dict[str, tuple[float, int]]:
    """Norwegian page (path as editors see it) -> (LIX, words), plus '' for the whole site."""
    result = {}
    total = [0, 0, 0]
    for rel in cfg.pages(cfg.default_locale):
        page = translation_coverage.cached_page(cfg.lang_dir(cfg.default_locale) / rel)
        if page.meta.get("audience") == "editors":
            continue
        counts = lix_counts(page)
        if counts[0]:
            result[cfg.rel(page.path)] = (round(lix(*counts), 1), counts[0])
            total = [a + b for a, b in zip(total, counts)]
    result[""] = (round(lix(*total), 1), total[0])
    return result


def readability_problems(cfg: SiteConfig) -> list[Problem]:
    scores = readability(cfg)
    problems = []
    for path, (score, words) in scores.items():
        if path and score > LIX_PAGE_WARNING and words >= LIX_MIN_WORDS:
            problems.append(Problem(path, 0, f"the text is hard to read (LIX {score:.0f}; the goal is at most {LIX_PAGE_WARNING}). Use shorter sentences and shorter words; explain or split long compound words.", "warning", "content"))
    score, words = scores[""]
    if words and score > LIX_SITE_WARNING:
        problems.append(Problem(cfg.rel(cfg.lang_dir(cfg.default_locale)), 0, f"the Norwegian pages together are hard to read (LIX {score:.0f}; the goal is at most {LIX_SITE_WARNING}). See python -m scripts.check_content --lix for the hardest pages.", "warning", "content"))
    return problems


# --- all together -------------------------------------------------------------------------


def check(cfg: SiteConfig, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    default = cfg.default_locale
    _SECTIONS_CACHE.clear()
    problems: list[Problem] = []
    parsed: dict[str, dict[Path, tuple[MarkdownPage, list[Heading]]]] = {}
    for lang in cfg.languages:
        parsed[lang.locale] = {}
        for rel in cfg.pages(lang.locale):
            page = translation_coverage.cached_page(cfg.lang_dir(lang.locale) / rel)
            problems += front_matter_problems(cfg, page, today, translation=not lang.default)
            problems += char_problems(cfg, page)
            found, headings = body_problems(cfg, page)
            problems += found
            parsed[lang.locale][rel] = (page, headings)
    for locale in cfg.translation_locales:
        for rel, (page, headings) in parsed[locale].items():
            if rel not in parsed[default] or page.meta.get("audience") == "editors":
                continue  # orphans are reported by translation_coverage
            source, source_headings = parsed[default][rel]
            problems += structure_problems(cfg, page, headings, source, source_headings)
            problems += agreement_problems(cfg, page, headings, source, source_headings)
            problems += source_url_problems(cfg, page, source)
    problems += readability_problems(cfg)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="the date to check review dates against (YYYY-MM-DD; default: today)")
    parser.add_argument("--lix", action="store_true", help="print the readability (LIX) of every Norwegian page and of the whole site")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    problems = check(cfg, args.today)
    if args.lix:
        scores = readability(cfg)
        print(f"LIX per Norwegian page (warning above {LIX_PAGE_WARNING}; site goal {LIX_SITE_WARNING}):")
        for path, (score, words) in sorted(scores.items(), key=lambda item: -item[1][0]):
            print(f"{score:6.1f}  {words:6d} words  {path or 'whole site'}")
    return report(problems)


if __name__ == "__main__":
    sys.exit(main())
