"""Heading ids and anchors: the theme's slug and the project's ASCII slug."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
def _theme_slugify():
    from pymdownx.slugs import slugify

    return slugify(case="lower")


def theme_slug(text: str) -> str:
    """The id the build gives a heading without an explicit one (mkdocs.yml's toc slugify)."""
    return _theme_slugify()(text, "-")


def ascii_slug(text: str, empty: str = "") -> str:
    """ASCII, lowercase, hyphens: 'Møre og Romsdal' -> 'more-og-romsdal'."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or empty
