"""A review view of one translation: the Norwegian page and the translation side
by side, section by section, as one self-contained HTML file.

Sections are aligned by their heading ids (which every translation keeps); a
section only one side has is shown beside an empty cell. The facts the
agreement check compares (numbers, provisions, phone numbers, e-mail and web
addresses: `scripts/model/facts.py`) are highlighted on both sides; a fact
that the other side's section does not have is marked as a difference.

Everything from the pages is escaped: raw HTML in the Markdown is shown as
text, images are replaced by their text, links other than http(s), mailto and
tel lose their target. The file makes no request (a Content-Security-Policy
allows nothing but its own inline style) and needs no script. A reviewer opens
it from the CI artifact or `python -m scripts review-view`.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

import markdown

from scripts.model.facts import facts
from scripts.model.pages import SourcePage

EXTENSIONS = ["attr_list", "tables", "admonition", "def_list", "md_in_html"]
_TAG = re.compile(r"(<[^>]*>)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+|mailto:[^>\s]+)>")
_HREF = re.compile(r'href="(?!https?:|mailto:|tel:|#)[^"]*"')
_LINK = re.compile(r'<a href="(https?://[^"]*)"')
_IMG = re.compile(r'<img\b[^>]*?alt="([^"]*)"[^>]*>|<img\b[^>]*>')

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1rem;color:#1a1a1a}
table.review{border-collapse:collapse;width:100%;table-layout:fixed}
table.review td,table.review th{border:1px solid #bbb;vertical-align:top;padding:.5rem .75rem;text-align:start}
table.review th{background:#eef2f7}
.sid{font:12px monospace;color:#555}
mark{background:#fff3a8;padding:0 .1em}
a.link{background:#e3efff}
mark.differs,a.differs{background:#ffc9c9;outline:2px solid #c00}
.empty{color:#777;font-style:italic}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
dl.meta dt{font-weight:bold}
.legend mark{margin:0 .3em}
pre,code{white-space:pre-wrap;word-break:break-word}
"""


@dataclass
class Part:
    id: str  # heading id ('' for the text before the first ## heading)
    markdown: str


def parts(page: SourcePage) -> list[Part]:
    """The page's body cut at its ## and deeper headings (in code blocks they do not count)."""
    starts = {h.line: h.id for h in page.headings if h.level > 1}
    found = [Part("", "")]
    chunks: list[list[str]] = [[]]
    for line in page.lines:
        if not line.in_code and line.number in starts:
            found.append(Part(starts[line.number], ""))
            chunks.append([])
        chunks[-1].append(line.text)
    for part, chunk in zip(found, chunks):
        part.markdown = "\n".join(chunk)
    return found


def _keys(text: str) -> Counter:
    counts: Counter = Counter()
    for line in text.split("\n"):
        for key, _ in facts(line):
            counts[key] += 1
    return counts


def _to_html(text: str) -> str:
    """Markdown to HTML, with the page's own HTML shown as text and nothing loaded."""
    text = _AUTOLINK.sub(r"[\1](\1)", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    out = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    out = _IMG.sub(lambda m: html.escape(m.group(1) or ""), out)
    return _HREF.sub('href="#"', out)


def _highlight(rendered: str, mine: Counter, other: Counter) -> str:
    """Mark each fact in the text (not inside tags); a fact the other side lacks is marked as a difference."""
    written: dict[str, str] = {}
    for segment in _TAG.split(rendered):
        if segment.startswith("<"):
            continue
        for key, shown in facts(html.unescape(segment)):
            written.setdefault(html.escape(shown, quote=False), "differs" if key not in other else "fact")
    pattern = re.compile("|".join(re.escape(w) for w in sorted(written, key=len, reverse=True)) or r"(?!)")

    def mark(segment: str) -> str:
        link = _LINK.match(segment)
        if link:  # a link's address is a fact too: the other side's section must link it
            url = html.unescape(link.group(1)).rstrip("/")
            return segment[:2] + f' class="{"link differs" if "url " + url not in other else "link"}"' + segment[2:]
        if segment.startswith("<"):
            return segment
        return pattern.sub(
            lambda m: (
                f'<mark class="differs" dir="ltr">{m.group(0)}</mark>'
                if written[m.group(0)] == "differs"
                else f'<mark dir="ltr">{m.group(0)}</mark>'
            ),
            segment,
        )

    return "".join(mark(s) for s in _TAG.split(rendered))


def _meta(page: SourcePage) -> list[tuple[str, str]]:
    tr = page.translation_meta
    rows = [("Title", str(page.meta.get("title", "")))]
    for key in ("status", "source_hash", "reviewed_by", "reviewed_on"):
        if tr.get(key) is not None:
            rows.append((f"translation.{key}", str(tr.get(key))))
    return rows


def render(source: SourcePage, translation: SourcePage, *, state: str, direction: str = "ltr", name: str = "") -> str:
    """The whole review page for one translation."""
    e = html.escape
    mine = parts(translation)
    theirs = {p.id: p for p in parts(source)}
    order = [p.id for p in parts(source)] + [p.id for p in mine if p.id not in theirs]
    by_id = {p.id: p for p in mine}
    rows = []
    for section in order:
        nb_part, tr_part = theirs.get(section), by_id.get(section)
        nb_keys = _keys(nb_part.markdown) if nb_part else Counter()
        tr_keys = _keys(tr_part.markdown) if tr_part else Counter()
        cells = []
        for part, keys, other, lang, dir_ in (
            (nb_part, nb_keys, tr_keys, source.locale, "ltr"),
            (tr_part, tr_keys, nb_keys, translation.locale, direction),
        ):
            if part is None or not part.markdown.strip():
                body = '<p class="empty">(no such section)</p>' if part is None else ""
            else:
                body = _highlight(_to_html(part.markdown), keys, other)
            cells.append(f'<td lang="{e(lang)}" dir="{e(dir_)}">{body}</td>')
        label = f"#{section}" if section else "(before the first section heading)"
        rows.append(f'<tr><td colspan="2" class="sid" id="s-{e(section)}">{e(label)}</td></tr>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    meta = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in _meta(translation))
    meta += f"<dt>State</dt><dd>{e(state)}</dd><dt>Norwegian content code now</dt><dd>{e(source.content_hash)}</dd>"
    title = f"Review: {translation.shown}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{e(title)}</h1>
<p>{e(name)} translation of <code>{e(source.shown)}</code>, section by section (aligned by heading id).</p>
<dl class="meta">{meta}</dl>
<p class="legend">Numbers, provisions, phone numbers and addresses are <mark>highlighted</mark>, links
<a class="link" href="#">like this</a>;
<mark class="differs">this way</mark> when the other side's section does not have them.</p>
<table class="review">
<thead><tr><th scope="col">Norsk ({e(source.locale)})</th><th scope="col">{e(name or translation.locale)}
({e(translation.locale)})</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p>To record a review, see CONTRIBUTING.md ("Gjennomgang av en oversettelse").</p>
</body>
</html>
"""


def index(entries: list[tuple[str, str, str]]) -> str:
    """A list of the review views written: (file name, translation path, state)."""
    e = html.escape
    items = "\n".join(f'<li><a href="{e(f)}">{e(p)}</a> ({e(s)})</li>' for f, p, s in entries)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review views</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Review views</h1>
<ul>
{items}
</ul>
</body>
</html>
"""
