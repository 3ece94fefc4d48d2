"""Keep left-to-right runs in the right order on right-to-left pages.

    python -m scripts bidi site        # list runs on right-to-left pages not isolated

In Arabic text, the browser's bidirectional algorithm reorders what it thinks
is right-to-left: the phone number "55 55 33 33" is shown as "33 33 55 55",
"§ 12-10" as "12-10 §", and a Latin name followed by a number or a URL can
swap places with its neighbours. Writers cannot see or fix this in Markdown,
so the build does it: on every page whose <html> has dir="rtl", each such run
in the text is wrapped in <bdi dir="ltr">, which shows it left-to-right and
keeps it from mixing with the Arabic around it. In headings the wrapper is
<span dir="ltr">, which the browser isolates the same way (any element with
dir is isolated): Pagefind leaves <bdi> out of the heading titles it shows
as search results, so "(<bdi>avlastning</bdi>)" became "()".

Isolated: phone numbers and other numbers in groups ("116 117"), provisions
("§ 12-10", "§§ 9-5"), URLs and e-mail addresses, and runs of Latin-script
words ("NAV", "Pårørendesenteret i Oslo"). A lone number ("10") or a date
("2026-11-22") already shows correctly and is left alone.

Only text nodes inside <body> change. Attributes are never touched, nor text
inside <script>, <style>, <pre>, <code>, <textarea>, <svg>, <bdi>, <bdo>, or
inside an element that sets dir="ltr" or dir="auto" (the Norwegian fallback
text, the language links): those are already laid out on purpose. Used by the
MkDocs hooks (on_post_page); `unisolated_runs` is used by the command above.
"""

from __future__ import annotations

import html
import re

# Elements whose text is never changed.
_SKIP_TAGS = {
    "script",
    "style",
    "pre",
    "code",
    "kbd",
    "samp",
    "textarea",
    "svg",
    "math",
    "bdi",
    "bdo",
    "title",
    "template",
}
# Elements without an end tag, and one token of HTML (a tag, comment or declaration);
# scripts/render/reader_html.py walks pages with the same two.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

_RTL_DOC = re.compile(r"<html\b[^>]*\bdir=\"rtl\"", re.IGNORECASE)
TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?([a-zA-Z][a-zA-Z0-9-]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.DOTALL,
)
_DIR_ATTR = re.compile(r"\bdir\s*=\s*[\"']?(ltr|auto)\b", re.IGNORECASE)

# Latin-script letters (Basic Latin, Latin-1, Latin Extended A/B and
# Additional): Norwegian æ, ø, å and names like "Sámi" included.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_WORD = f"[{_LATIN}0-9]"
# What may sit inside a run between its words: spaces, and the punctuation of
# names, URLs, e-mail addresses, numbers and provisions.
_INNER = f"[{_LATIN}0-9 \u00a0\u202f.,:/\\-\u2010-\u2013_@%&?=#~+'\u2019()§]"
_RUN = re.compile(
    rf"(?:§§?[ \u00A0\u202F]*)?\+?{_WORD}{_INNER}*",
)
# Punctuation at the end of a run usually belongs to the Arabic sentence.
_TRAILING = ".,:;!?)'\u2019-\u2013 \u00a0\u202f"
_ABBREVIATION = re.compile(rf"(?:[{_LATIN}]\.){{2,}}$")
_NEEDS_ISOLATION = re.compile(
    rf"[{_LATIN}]"  # a Latin letter: names, URLs, e-mail addresses
    r"|§"  # a provision
    r"|\d[ \u00A0\u202F]+\d"  # digits in groups: 22 46 19 22
    r"|^\+\d"  # +47 ...
)


def _trim(run: str) -> str:
    while run and run[-1] in _TRAILING:
        if run[-1] == "." and _ABBREVIATION.search(run):
            break
        if run[-1] == ")" and run.count("(") >= run.count(")"):
            break
        run = run[:-1]
    # An opening bracket without its partner stays outside.
    if run.count("(") > run.count(")"):
        run = run[: run.rfind("(")].rstrip(" \u00a0\u202f")
    return run


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def isolate_text(text: str, wrapper: str = "bdi") -> str:
    """Wrap each left-to-right run of plain (unescaped) text in `wrapper`
    ("bdi", or "span" in headings); returns HTML."""
    out, pos, search_from = [], 0, 0
    while match := _RUN.search(text, search_from):
        run = _trim(match.group(0))
        start = match.start()
        # A trimmed run ("Care benefit (omsorgspenger" -> "Care benefit")
        # leaves text that may hold another run: look again right after it.
        search_from = start + len(run) if run else match.end()
        if not run or not _NEEDS_ISOLATION.search(run):
            continue
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<{wrapper} dir="ltr">{html.escape(run, quote=False)}</{wrapper}>')
        pos = start + len(run)
    if pos == 0:
        return html.escape(text, quote=False)
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def is_rtl_document(document: str) -> bool:
    return bool(_RTL_DOC.search(document[: document.find("<head")] if "<head" in document else document[:500]))


def isolate(document: str) -> str:
    """The page with its left-to-right runs isolated, if its <html> is dir="rtl"."""
    if not is_rtl_document(document):
        return document
    body = document.find("<body")
    if body < 0:
        return document
    out = [document[:body]]
    stack: list[tuple[str, bool]] = []  # (tag, skip) for each open element
    skipping = headings = 0
    pos = body
    for token in TOKEN.finditer(document, body):
        text = document[pos : token.start()]
        if text:
            out.append(_process_text(text, "span" if headings else "bdi") if skipping == 0 else text)
        out.append(token.group(0))
        pos = token.end()
        tag = (token.group(1) or "").lower()
        raw = token.group(0)
        if not tag:
            continue
        if raw.startswith("</"):
            # Close up to the matching element (tolerates unclosed <p>, <li>).
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    skipping -= sum(1 for _, skip in stack[i:] if skip)
                    headings -= sum(1 for name, _ in stack[i:] if name in _HEADINGS)
                    del stack[i:]
                    break
            continue
        if tag in VOID_TAGS or raw.endswith("/>"):
            continue
        skip = tag in _SKIP_TAGS or (tag not in ("html", "body") and bool(_DIR_ATTR.search(raw)))
        stack.append((tag, skip))
        skipping += skip
        headings += tag in _HEADINGS
        if tag in ("script", "style", "textarea", "title"):
            # Raw text: jump to the closing tag without reading markup inside.
            end = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(document, pos)
            if end:
                out.append(document[pos : end.start()])
                pos = end.start()
    out.append(document[pos:])
    return "".join(out)


def _process_text(text: str, wrapper: str) -> str:
    plain = html.unescape(text)
    if not _NEEDS_ISOLATION.search(plain):
        return text
    result = isolate_text(plain, wrapper)
    return text if f"<{wrapper}" not in result else result


_ISOLATED = re.compile(r'<(?:bdi|span) dir="ltr">(.*?)</(?:bdi|span)>')


def unisolated_runs(document: str) -> list[str]:
    """Runs that still need isolation in an RTL page (empty when all is done)."""
    if not is_rtl_document(document):
        return []
    marked = isolate(document)
    found = _ISOLATED.findall(marked)
    already = _ISOLATED.findall(document)
    missing = list(found)
    for run in already:
        if run in missing:
            missing.remove(run)
    return missing
