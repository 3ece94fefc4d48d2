"""The facts a translation must keep: numbers, provisions, phone numbers,
e-mail and web addresses, per section of a page.

Digit script and spacing are ignored (٢٠ = 20, 22 46 19 22 = 22461922,
10,000 = 10 000), and a month name next to a number counts as that month's
number, so "1. januar 2027", "1 January 2027" and "2027-01-01" agree.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from scripts.model.pages import ATTR_ID, SourcePage

# Arabic-Indic and Persian digits count as 0-9, and Arabic decimal/thousands signs as . and ,
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_TRANSLATED = re.compile("[" + "".join(map(chr, DIGITS)) + "]")  # str.translate is slow; most lines have none
# Month names next to a number (only there: English "may" is also a verb).
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
DATE_MONTH = re.compile(
    r"(?:(?<=\d)\.?\s+|(?<=\d\.)\s*)(" + "|".join(MONTHS) + r")\b|\b(" + "|".join(MONTHS) + r")(?=\s+\d)", re.I
)
URL = re.compile(r"https?://[^\s<>()\[\]\"']+(?:\([^\s()]*\)[^\s<>()\[\]\"']*)*")
TEL = re.compile(r"tel:(\+?[\d\s\u00a0-]+)")
EMAIL = re.compile(r"(?:mailto:)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|^\s*\[[^\]]+\]:\s*\S+")
ATTRS = re.compile(r"\{[:#.][^}]*\}|\{\s*#[^}]*\}|<[^>]+>")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")
PROVISION = re.compile(r"§§?\s*(\d+[A-Z]?(?:\s*[-–]\s*\d+)?(?:\s+[a-z](?=[)\],.;:]|\s*$))?)")
NUMBER = re.compile(r"\d+(?:(?:[ \u00a0\u202f]|[.,](?=\d))\d+)*")
MAY_HAVE_FACTS = re.compile(r"[0-9٠-٩۰-۹@]|https?:")


def may_name_a_month(text: str) -> bool:
    """False when DATE_MONTH cannot match: no month name in any case. The test is
    much faster than the pattern, which tries every name at every word. (Under
    re.I, "İ" and "ı" also match "i", and "ſ" matches "s": str.lower() does not
    turn them into those letters, so their presence sends the text to the pattern.)"""
    lowered = text.lower()
    return any(name in lowered for name in MONTHS) or any(odd in text for odd in "İıſ")


def month_number(name: str) -> int:
    """The month a name DATE_MONTH matched stands for, also when re.I matched
    it through a letter str.lower() keeps ("ſeptember", "MAİ")."""
    number = MONTHS.get(name.lower())
    if number is None:
        number = next(n for key, n in MONTHS.items() if re.fullmatch(re.escape(key), name, re.I))
    return number


def facts(line: str) -> list[tuple[str, str]]:
    """(key, as written) for every fact in one line of Markdown."""
    found: list[tuple[str, str]] = []
    if not MAY_HAVE_FACTS.search(line):  # most lines: no digit, address or e-mail
        return found
    text = line.translate(DIGITS) if _TRANSLATED.search(line) else line
    for match in URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        found.append(("url " + url.rstrip("/"), url))
    text = URL.sub(" ", text)
    # A tel: link's target is a phone number like any other: a translation
    # that dials another number than the Norwegian page is caught.
    for match in TEL.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        found.append(("phone " + digits, match.group(0)))
    text = TEL.sub(" ", text)
    if "@" in text:  # EMAIL cannot match without one (and is slow on long lines)
        for match in EMAIL.finditer(text):
            found.append(("email " + match.group(1).lower(), match.group(1)))
        text = EMAIL.sub(" ", text)
    text = LINK_TARGET.sub("] ", text)  # relative link targets and their #anchors
    text = ATTRS.sub(" ", text)  # heading ids, attribute lists, HTML tags
    text = LIST_MARKER.sub(" ", text)
    for match in PROVISION.finditer(text):
        found.append(("§ " + re.sub(r"[\s–]", "", match.group(1)).replace("–", "-"), match.group(0).strip()))
    text = PROVISION.sub(" ", text)
    if may_name_a_month(text):
        for match in DATE_MONTH.finditer(text):
            name = match.group(1) or match.group(2)
            found.append(("number " + str(month_number(name)), name))
    for match in NUMBER.finditer(text):
        run = re.sub(r"[ \u00a0\u202f]", "", match.group(0))  # spacing ignored: 22 46 19 22 = 22461922
        parts = re.split(r"[.,]", run)
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            parts = ["".join(parts)]  # thousands separators: 10,000 = 10.000 = 10 000
        for part in parts:
            found.append(("number " + str(int(part)), match.group(0)))
    return found


@dataclass
class Section:
    line: int  # the heading's line (the body's first line for the part before any heading)
    counts: Counter = field(default_factory=Counter)  # fact key -> how often
    first: dict = field(default_factory=dict)  # fact key -> (line, as written)


def sections(page: SourcePage) -> dict[str, Section]:
    """Heading id -> the facts of that section ('' for the text before the first ## heading)."""
    starts = {h.line: h for h in page.headings if h.level > 1}
    result: dict[str, Section] = {"": Section(page.body_line)}
    current = ""
    for line in page.lines:
        text = line.text
        if line.number in starts:
            current = starts[line.number].id
            result.setdefault(current, Section(line.number))
            text = ATTR_ID.sub("", text)
        if line.in_code:
            continue
        section = result[current]
        for key, shown in facts(text):
            section.counts[key] += 1
            section.first.setdefault(key, (line.number, shown))
    return result
