"""Smaller files for the reader, with nothing that renders or runs differently.

* `html()`: the indentation templates leave between two tags goes
  (">\\n      <" becomes ">\\n<"). A run of spaces and line breaks shows as
  one space or none, however long it is, so nothing moves on the page; the
  elements where whitespace is shown as written (pre, textarea, and code and
  kbd, which the theme sets to pre-wrap) and scripts and styles are left
  exactly as they are, so the Content-Security-Policy's script hashes and
  code samples do not change.
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

# Elements whose text is kept byte for byte, or the indentation between two tags.
_KEEP_OR_INDENT = re.compile(r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2\s*>)|>[ \t]*\n\s*(?=<)", re.S | re.I)


def html(page: str) -> str:
    """`page` without the indentation between tags (outside pre, textarea, code, kbd, script, style)."""
    return _KEEP_OR_INDENT.sub(lambda m: m.group(1) or ">\n", page)


def css(text: str) -> str:
    return rcssmin.cssmin(text)


def js(text: str) -> str:
    return rjsmin.jsmin(text)


def files_in_place(paths: list[Path]) -> None:
    """Minify the built copies of the site's own .css and .js files."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text((css if path.suffix == ".css" else js)(text) + "\n", encoding="utf-8")
