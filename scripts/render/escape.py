"""Front matter is data, not HTML: escape every value the templates show.

MkDocs and Material print page.meta values into the HTML without escaping
(the page title in <title>, the navigation of every page and the header; the
description in a <meta> attribute; our sources list). A title such as
`<script>…</script>` or one with quotes would become markup. The hooks call
`escape_meta` on every page before any template is rendered (MkDocs reads and
converts every page before it renders the first template), so the navigation
of other pages gets the escaped title too.
"""

from __future__ import annotations

import html

# Front matter fields the templates show, as text or in attributes.
SHOWN = ("title", "description", "subtitle", "last_reviewed", "next_review")


def _text(value) -> str:
    return html.escape(value if isinstance(value, str) else str(value), quote=True)


def escape_meta(meta: dict) -> None:
    """Escape, in place, the shown fields and each source's title and url."""
    for key in SHOWN:
        if key in meta and meta[key] is not None and not hasattr(meta[key], "isoformat"):
            meta[key] = _text(meta[key])
    sources = meta.get("sources")
    if isinstance(sources, list):
        meta["sources"] = [
            {"title": _text(item.get("title", "")), "url": _text(item.get("url", "")), "lang": None}
            for item in sources
            if isinstance(item, dict)
        ]
    elif sources is not None:
        meta["sources"] = []  # not a list: the content check reports it, the page shows none
