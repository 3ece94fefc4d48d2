"""What a reader on a phone needs from the built HTML (issue 13).

Pure functions over strings, used by the MkDocs hooks after a page is
rendered (and after scripts/render/bidi.py, so on Arabic pages everything
below happens inside the <bdi> runs it made, never across them):

* ``finish(page_html, norwegian_terms)`` changes the text of <body>:
  - phone numbers become tap-to-call links (``tel:``) inside the page
    content (<article>): eight-digit Norwegian numbers written in groups
    ("22 40 00 40", "800 40 567"), "+47 ..." and the short numbers 110, 112,
    113 and 116 xxx. Numbers that only look like phone numbers (amounts,
    dates, years, § numbers, percentages) are left alone;
  - runs that must not break across lines are wrapped in
    <span class="nowrap">: provisions ("§ 10 a", "§ 12-10", "§§ 9-5"),
    percentages ("20 %"), ISO dates ("2027-11-22"), written dates
    ("22. november 2026"), numbers in groups ("136 000", "116 117") and
    number ranges ("2021–2025"). Tel links do not break either (site.css);
  - <time datetime="YYYY-MM-DD">YYYY-MM-DD</time> gets the date written the
    way a reader of the page's language writes it (Babel/CLDR, Western
    digits): "22. november 2026", "22 November 2026", "22 نوفمبر 2026",
    "22 Noofeembar 2026";
  - on pages not in Norwegian, Norwegian terms in italics get lang="nb", so
    screen readers pronounce them as Norwegian: a term from the translators'
    glossaries (scripts/model/glossary.py reads them), an italic word
    in brackets right after its translation ("(*pleiepenger*)", the
    glossaries' rule), a word with æ, ø or å, or Latin text on an Arabic page.
* ``mailto_href(address, subject, body)``: a correctly encoded mailto: URL.
* ``after_first_h1(content, extra)``: puts HTML right after the page title.

It shares bidi.py's HTML tokens; it can be tested alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from urllib.parse import quote

from scripts.render.bidi import TOKEN, VOID_TAGS

# --- Dates -------------------------------------------------------------------

# How each language writes a date (CLDR patterns). English: the day first,
# as in British English ("22 November 2026"); Somali likewise.
DATE_PATTERNS = {"nb": "d. MMMM y", "en": "d MMMM y", "ar": "d MMMM y", "so": "d MMMM y"}


def format_date(value: str | dt.date, locale: str) -> str:
    """'2026-11-22' -> '22. november 2026' (nb). Unknown input is returned as is."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)
    lang = (locale or "en").split("-")[0]
    try:
        from babel import Locale
        from babel.dates import format_date as babel_format

        pattern = DATE_PATTERNS.get(lang, "long")
        text = babel_format(day, pattern, locale=Locale.parse(lang))
    except Exception:  # an unknown locale: the ISO date is still correct
        return day.isoformat()
    # The site writes digits as 0-9 in every language.
    return text.translate(_WESTERN_DIGITS)


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@functools.cache
def _month_names() -> tuple[str, ...]:
    names: set[str] = set()
    try:
        from babel import Locale

        for lang in DATE_PATTERNS:
            for width in ("wide", "abbreviated"):
                for ctx in ("format", "stand-alone"):
                    names.update(str(n) for n in Locale.parse(lang).months[ctx][width].values())
    except Exception:
        pass
    names.update(
        [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
            "January",
            "February",
            "March",
            "May",
            "June",
            "July",
            "October",
            "December",
        ]
    )
    return tuple(sorted((n for n in names if len(n) > 2), key=len, reverse=True))


# --- Phone numbers and runs that must not break ------------------------------

_SP = "[ \u00a0\u202f]"
# Not part of a longer number, a § reference, a date or a decimal.
_BEFORE = r"(?<![A-Za-z0-9\u00C0-\u024F§.,/\-–+])(?<!§ )(?<!§\u00A0)(?<!\d )"
_AFTER = rf"(?![A-Za-z0-9\u00C0-\u024F%‰]|[.,/\-–]\d|{_SP}(?:%|\d))"
_PHONE = re.compile(
    _BEFORE
    + rf"(?:\+47{_SP}?)?"
    + rf"(?:\d{{2}}{_SP}\d{{2}}{_SP}\d{{2}}{_SP}\d{{2}}"  # 22 40 00 40
    + rf"|\d{{3}}{_SP}\d{{2}}{_SP}\d{{3}}"  # 800 40 567
    + rf"|116{_SP}\d{{3}}"  # 116 117, 116 123, 116 111
    + r"|11[023](?!"
    + _SP
    + r"(?:kr\b|kroner|NOK|prosent|personer|people|dager|days|år\b|years|timer|hours|uker|weeks)))"  # 110, 112, 113
    + _AFTER
)


def phone_target(number: str) -> str | None:
    """The tel: target of a Norwegian number as written, or None if it is not one."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+47"):
        digits = digits[2:]
    if digits in ("110", "112", "113"):
        return digits
    if len(digits) == 6 and digits.startswith("116"):
        try:
            import phonenumbers
            from phonenumbers import shortnumberinfo

            ok = shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(digits, "NO"), "NO")
        except Exception:
            ok = digits in ("116117", "116123", "116111", "116000", "116006")
        return digits if ok else None
    if len(digits) == 8:
        try:
            import phonenumbers

            ok = phonenumbers.is_valid_number(phonenumbers.parse(digits, "NO"))
        except Exception:
            ok = digits[0] in "2345679" or digits.startswith("800")
        return f"+47{digits}" if ok else None
    return None


@functools.cache
def _nowrap_re(month_first: bool = True) -> re.Pattern:
    """The runs that must not break. `month_first=False` leaves out "November 22,
    2026", which only text with ", 2026"-like parts can hold: the month names
    tried at every letter made the full pattern several times slower."""
    months = "|".join(re.escape(m) for m in _month_names())
    return re.compile(
        rf"§§?{_SP}*\d+(?:{_SP}?[-–]{_SP}?\d+)*(?:{_SP}[a-h](?![\w]))?"  # § 10 a, § 12-10, §§ 9-5
        r"|\d{4}-\d{2}-\d{2}"  # 2027-11-22
        rf"|\d{{1,2}}\.?{_SP}(?:{months}){_SP}\d{{4}}"  # 22. november 2026
        + (rf"|(?:{months}){_SP}\d{{1,2}},{_SP}\d{{4}}" if month_first else "")  # November 22, 2026
        + rf"|\d+(?:[.,]\d+)?{_SP}?(?:%|‰|٪|prosent\b|percent\b|per cent\b)"  # 20 %, 66 prosent
        rf"|\d+(?:{_SP}\d{{2,3}})+(?![\d])"  # 136 000, 22 40 00 40
        r"|\d+(?:[-–]\d+)+",  # 2021–2025, 9-5
        re.IGNORECASE,
    )


# What every "November 22, 2026" holds after its month.
_DAY_COMMA_YEAR = re.compile(rf"{_SP}\d{{1,2}},{_SP}\d{{4}}")
_BREAKABLE = re.compile(rf"{_SP}|[-–]")


def _nowrap(text: str) -> str:
    """Escaped HTML of plain text, with the unbreakable runs wrapped."""
    out, pos = [], 0
    for match in _nowrap_re(bool(_DAY_COMMA_YEAR.search(text))).finditer(text):
        run = match.group(0)
        if not _BREAKABLE.search(run):
            continue  # nothing in it where a line could break
        out.append(html.escape(text[pos : match.start()], quote=False))
        out.append(f'<span class="nowrap">{html.escape(run, quote=False)}</span>')
        pos = match.end()
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def mark_text(text: str, link_phones: bool = True) -> str:
    """Escaped HTML of plain text: phone numbers linked, runs kept together."""
    if not link_phones:
        return _nowrap(text)
    out, pos = [], 0
    for match in _PHONE.finditer(text):
        target = phone_target(match.group(0))
        if not target:
            continue
        out.append(_nowrap(text[pos : match.start()]))
        out.append(f'<a href="tel:{target}" class="tel">{html.escape(match.group(0), quote=False)}</a>')
        pos = match.end()
    out.append(_nowrap(text[pos:]))
    return "".join(out)


# --- Norwegian terms -----------------------------------------------------------

_NORWEGIAN_LETTERS = re.compile("[æøåÆØÅ]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


def glossary_terms(texts: list[str]) -> frozenset[str]:
    """Norwegian terms from the glossaries' "nb:" values ("journal, journalinnsyn",
    "omsorgsopptjening / pensjonsopptjening", "part (i saken)" give each part)."""
    terms: set[str] = set()
    for text in texts:
        text = str(text).strip().casefold()
        if not text:
            continue
        terms.add(text)
        for part in re.split(r"\s*[,/]\s*|\s*\(|\)", text):
            if part.strip():
                terms.add(part.strip())
    return frozenset(terms)


def is_norwegian_term(text: str, terms: frozenset[str], rtl: bool, in_brackets: bool) -> bool:
    plain = " ".join(text.split()).casefold()
    if not plain or not _LATIN.search(plain):
        return False
    if rtl and not _ARABIC.search(plain):
        return True
    return plain in terms or bool(_NORWEGIAN_LETTERS.search(plain)) or in_brackets


@functools.lru_cache(maxsize=8)
def _term_re(terms: frozenset[str]) -> re.Pattern | None:
    """Glossary terms as they appear in running text: whole words, with a
    Norwegian ending ("legevakten", "pleiepengene"). Only terms of seven
    letters or more, so short words that are also English or Somali words
    ("part", "klage", "tolk") are never marked by mistake."""
    words = sorted((t for t in terms if len(t) >= 7 and "(" not in t), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e|en|et|ene|er|a)?(?![\w])", re.IGNORECASE)


def mark_plain_terms(escaped: str, terms: frozenset[str]) -> str:
    """Glossary terms in (escaped) running text wrapped in <span lang="nb">."""
    pattern = _term_re(terms)
    if pattern is None:
        return escaped
    return pattern.sub(lambda m: f'<span lang="nb">{m.group(0)}</span>', escaped)


# --- The walk over the page ------------------------------------------------------

# Text never changed inside these.
_SKIP = {
    "script",
    "style",
    "pre",
    "code",
    "kbd",
    "samp",
    "textarea",
    "svg",
    "math",
    "title",
    "template",
    "time",
    "option",
    "select",
}
# No links made inside these (a link in a link, or in a label or heading).
_NO_LINK = {"a", "button", "label", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "header", "footer"}
_TIME = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})">\s*(\d{4}-\d{2}-\d{2})\s*</time>')
_HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]+)\"", re.IGNORECASE)
_RTL = re.compile(r"<html\b[^>]*\bdir=\"rtl\"", re.IGNORECASE)
# An italic run, maybe already isolated by bidi_isolate on an Arabic page
# (<bdi> in running text, <span dir="ltr"> in headings).
_EM = re.compile(r'(\(?)<(em|i)>((?:<(bdi|span) dir="ltr">)?)([^<]{1,80})((?:</\4>)?)</\2>(\)?)')


def page_language(document: str) -> str:
    match = _HTML_LANG.search(document[:2000])
    return match.group(1) if match else ""


def localise_dates(document: str, locale: str) -> str:
    def repl(m: re.Match) -> str:
        return f'<time datetime="{m.group(1)}">{html.escape(format_date(m.group(2), locale), quote=False)}</time>'

    return _TIME.sub(repl, document)


def mark_norwegian_terms(document: str, terms: frozenset[str], rtl: bool = False) -> str:
    """<em>term</em> -> <em lang="nb">term</em> for Norwegian terms (call on
    pages that are not in Norwegian)."""

    def repl(m: re.Match) -> str:
        text = html.unescape(m.group(5))
        if not is_norwegian_term(text, terms, rtl, bool(m.group(1)) and not _ARABIC.search(text)):
            return m.group(0)
        opening = f"<{m.group(2)}>"
        return m.group(0).replace(opening, f'<{m.group(2)} lang="nb">', 1)

    return _EM.sub(repl, document)


_LANG_ATTR = re.compile(r"\slang=")
_DIGIT = re.compile(r"\d")
# Elements whose text is not markup: the walk jumps to their end tag.
_RAW_TEXT_END = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in ("script", "style", "textarea", "title")}


def _walk(document: str, start: int, terms: frozenset[str] = frozenset()) -> str:
    out = [document[:start]]
    append = out.append
    stack: list[tuple[str, bool]] = []  # (tag, sets lang)
    skip = no_link = article = other_lang = 0
    pos = start
    for token in TOKEN.finditer(document, start):
        token_start = token.start()
        if token_start > pos:
            text = document[pos:token_start]
            if skip or not _DIGIT.search(text):
                marked = text
            else:
                marked = mark_text(html.unescape(text), link_phones=bool(article) and not no_link)
            if terms and article and not other_lang and not skip and _LATIN.search(text):
                marked = _outside_tags(marked, lambda part: mark_plain_terms(part, terms))
            append(marked)
        raw = token.group(0)
        append(raw)
        pos = token.end()
        tag = token.group(1)
        if not tag:
            continue
        tag = tag.lower()
        if raw[1] == "/":
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    for closed, has_lang in stack[i:]:
                        skip -= closed in _SKIP
                        no_link -= closed in _NO_LINK
                        article -= closed == "article"
                        other_lang -= has_lang
                    del stack[i:]
                    break
            continue
        if tag in VOID_TAGS or raw.endswith("/>"):
            continue
        has_lang = "lang=" in raw and _LANG_ATTR.search(raw) is not None
        stack.append((tag, has_lang))
        skip += tag in _SKIP
        no_link += tag in _NO_LINK
        article += tag == "article"
        other_lang += has_lang
        if tag in _RAW_TEXT_END:
            end = _RAW_TEXT_END[tag].search(document, pos)
            if end:
                append(document[pos : end.start()])
                pos = end.start()
    append(document[pos:])
    return "".join(out)


def finish(document: str, norwegian_terms: frozenset[str] = frozenset()) -> str:
    """The page with phone links, unbreakable runs, local dates and marked terms."""
    body = document.find("<body")
    if body < 0:
        return document
    locale = page_language(document)
    rtl = bool(_RTL.search(document[:body]))
    # Only the page's own content changes: the navigation, which every page
    # carries in full, holds no numbers, dates or terms to mark, and leaving
    # it alone keeps the work proportional to the page, not to the site.
    start, end = document.find("<article", body), document.rfind("</article>")
    if start < 0 or end < start:
        start, end = body, len(document)
    else:
        end += len("</article>")
    part = localise_dates(document[start:end], locale)
    if locale and locale.split("-")[0] not in ("nb", "no", "nn"):
        part = _walk(mark_norwegian_terms(part, norwegian_terms, rtl), 0, norwegian_terms)
    else:
        part = _walk(part, 0)
    return document[:start] + part + document[end:]


def _outside_tags(fragment: str, change) -> str:
    """Apply `change` to the text between the tags of an HTML fragment."""
    parts = re.split(r"(<[^>]*>)", fragment)
    for i, part in enumerate(parts):
        if part.startswith("<"):
            continue
        parts[i] = change(part) if part else part
    return "".join(parts)


# --- Helpers for the templates ---------------------------------------------------


def mailto_href(address: str, subject: str = "", body: str = "") -> str:
    """mailto:address?subject=...&body=... with every part percent-encoded
    (RFC 6068: spaces as %20, line breaks as %0D%0A)."""
    if not address:
        return ""
    params = []
    if subject:
        params.append("subject=" + quote(subject, safe=""))
    if body:
        params.append("body=" + quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe=""))
    return "mailto:" + quote(address.strip(), safe="@.+-_") + ("?" + "&".join(params) if params else "")


def after_first_h1(content: str, extra: str) -> str:
    """`content` with `extra` inserted right after its first </h1>."""
    if not extra or not extra.strip():
        return content
    end = content.find("</h1>")
    if end < 0:
        return extra + content
    end += len("</h1>")
    return content[:end] + extra + content[end:]
