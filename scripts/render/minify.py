"""Smaller files for the reader, with nothing that renders or runs differently.

* `html()`: a run of spaces and line breaks in the text becomes one line
  break (the indentation templates leave between and inside tags:
  ">\\n      <" becomes ">\\n<"). Such a run shows as one space or none,
  however long it is, so nothing moves on the page; the elements where
  whitespace is shown as written (pre, textarea, and code and kbd, which the
  theme sets to pre-wrap) and scripts and styles are left exactly as they
  are, so the Content-Security-Policy's script hashes and code samples do
  not change, and so are attribute values. Two attributes that only
  Material's JavaScript reads, which the site does not load
  (overrides/main.html), go too: data-md-component and data-md-scrollfix
  (no stylesheet of the theme or the site selects them).
* `css()` and `js()`: the site's own stylesheets and scripts without their
  comments and indentation (rcssmin and rjsmin, well-kept minifiers that do
  not rename or rewrite code). The files in overrides/ keep their comments;
  only the built copies are minified.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

# Elements whose text is kept byte for byte (re.split gives each whole, with its tag name after it).
_KEPT = re.compile(r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2\s*>)", re.S | re.I)
# A run of whitespace that starts with a line break. Only ASCII whitespace: a
# no-break space is text.
_SPACE = re.compile(r"\n[ \t\r\n]+")
_UNUSED_ATTRIBUTE = re.compile(r' data-md-(?:component|scrollfix)(?:="[^"]*")?(?=[\s/>])')
# A start tag that has one of them (only in a tag: text about them is text).
_TAG_WITH_UNUSED = re.compile(r'<[a-zA-Z][^<>"]*(?:"[^"]*"[^<>"]*)*? data-md-(?:component|scrollfix)[^<>]*>')
# An attribute value written over several lines (none in the built site today):
# the text around it is made smaller, the value is kept as written.
_MULTILINE_VALUE = re.compile(r'(="[^"<>]*\n[^"<>]*")')


def _smaller(part: str) -> str:
    if "\n" in part and '="' in part and _MULTILINE_VALUE.search(part):
        pieces = _MULTILINE_VALUE.split(part)
        return "".join(p if i % 2 else _SPACE.sub("\n", p) for i, p in enumerate(pieces))
    return _SPACE.sub("\n", part)


def html(page: str) -> str:
    """`page` with each run of whitespace that holds a line break made one line
    break (outside pre, textarea, code, kbd, script, style and attribute
    values), and without the attributes only Material's JavaScript reads."""
    parts = _KEPT.split(page)
    out = []
    for i in range(0, len(parts), 3):
        out.append(_TAG_WITH_UNUSED.sub(lambda tag: _UNUSED_ATTRIBUTE.sub("", tag.group(0)), _smaller(parts[i])))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def css(text: str) -> str:
    return rcssmin.cssmin(text)


def js(text: str) -> str:
    return rjsmin.jsmin(text)


def files_in_place(paths: list[Path]) -> None:
    """Minify the built copies of the site's own .css and .js files."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text((css if path.suffix == ".css" else js)(text) + "\n", encoding="utf-8")
