"""Small repairs to the theme's HTML, so every page passes the Nu HTML Checker
and axe-core.

Material for MkDocs 9.8.1 writes five things the checkers reject. Each is
fixed here, in the built page (MkDocs hooks, on_post_page), instead of
copying and maintaining the theme's large templates:

* `autocomplete="off"` on its hidden checkboxes (the menu drawer). The HTML
  standard allows `autocomplete` only on text-like inputs (Nu checker error).
  Dropping it changes nothing in Chromium; Firefox may then reopen the menu
  when a reader goes back, which is harmless.
* `tabindex=""` on navigation section labels (Nu checker error: an empty
  value is not a number). An empty tabindex means "not focusable", the same
  as leaving it out.
* On a page outside the navigation (not_in_nav), the contents title is a
  `<label for="__toc">` for a toggle the page does not have (Nu checker
  error); the `for` is dropped.
* The `<link rel="alternate" hreflang>` links to the page in the other
  languages are relative; search engines need them absolute (Lighthouse SEO:
  "Document doesn't have a valid hreflang"). They are resolved against the
  page's canonical URL, which comes from `site_url`.
* Wide tables scroll sideways inside the page (the theme makes the table
  itself the scrolling box), but a keyboard user cannot scroll a box that
  cannot take focus (axe: scrollable-region-focusable, WCAG 2.1.1). Tables
  in the text get `tabindex="0"`, so Tab reaches them and the arrow keys
  scroll them; the focus ring (site.css) shows where focus is.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')
_PLAIN_TABLE = re.compile(r"<table>")
_HREFLANG = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang=")')


def fix(page: str, url: str | None = None) -> str:
    """The repaired page; `url` is its absolute address (page.canonical_url)."""
    if url:
        page = _HREFLANG.sub(lambda m: m.group(1) + urljoin(url, html.unescape(m.group(2))) + m.group(3), page)
    if 'id="__toc"' not in page:
        # A page outside the navigation has no table-of-contents toggle,
        # but the theme still points the contents title's <label> at it.
        page = page.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    page = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page)
    # Material writes it as ' tabindex=""' (partials/nav-item.html). A plain
    # replace: the regex \s+tabindex="" backtracked on every run of spaces.
    page = page.replace(' tabindex=""', "")
    page = _PLAIN_TABLE.sub('<table tabindex="0">', page)
    return page
