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

# 1: an element whose text is kept byte for byte; 3: a tag that spans lines
# or has an attribute to drop (its attribute values are kept as written);
# otherwise a run of whitespace with a line break in the text. Only ASCII
# whitespace: a no-break space is text.
_KEEP_TAG_OR_SPACE = re.compile(
    r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2\s*>)"
    r"|(<[a-zA-Z][^>]*?(?:\n|\sdata-md-(?:component|scrollfix)\b)[^>]*>)"
    r"|[ \t]*\n[ \t\r\n]*",
    re.S | re.I,
)
_UNUSED_ATTRIBUTE = re.compile(r'\sdata-md-(?:component|scrollfix)(?:="[^"]*")?(?=[\s/>])')


def _shorter(match: re.Match) -> str:
    if match.group(1):
        return match.group(1)
    if match.group(3):
        return _UNUSED_ATTRIBUTE.sub("", match.group(3))
    return "\n"


def html(page: str) -> str:
    """`page` with each run of whitespace that holds a line break made one line
    break (outside pre, textarea, code, kbd, script, style and attribute
    values), and without the attributes only Material's JavaScript reads."""
    return _KEEP_TAG_OR_SPACE.sub(_shorter, page)


def css(text: str) -> str:
    return rcssmin.cssmin(text)


def js(text: str) -> str:
    return rjsmin.jsmin(text)


def files_in_place(paths: list[Path]) -> None:
    """Minify the built copies of the site's own .css and .js files."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text((css if path.suffix == ".css" else js)(text) + "\n", encoding="utf-8")
