"""Parts of the theme's stylesheet that only pages with certain elements use.

Each part is named by the classes and tags its rules need: a rule for an
admonition can only match on a page that has an element with the class
"admonition" (or one of the types' classes), a table rule only on a page
with a <table>. scripts/render/css_split.py moves such rules from the bundle
into the part's own file, and links that file on exactly the pages that
have one of the part's classes or tags; the `stylesheets` check confirms it
on the built pages. A page without any of them loads less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STYLESHEETS = "assets/stylesheets"


@dataclass(frozen=True)
class Part:
    name: str
    classes: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    @property
    def file(self) -> str:
        """Its file in the built site: assets/stylesheets/bundle-<name>.min.css."""
        return f"{STYLESHEETS}/bundle-{self.name}.min.css"

    def used_by(self, classes: set[str] | frozenset[str], tags: set[str] | frozenset[str]) -> bool:
        return bool(self.classes & classes or self.tags & tags)


PARTS = (
    # Admonitions, and the collapsible ones (<details class="warning">): the
    # types' classes too, since their colour and icon rules name only the type.
    Part("admonitions", frozenset({"admonition", "admonition-title", "note", "info", "tip", "warning", "danger"})),
    Part("tables", tags=frozenset({"table"})),
    Part("cards", frozenset({"grid"})),
    Part("buttons", frozenset({"md-button"})),
)


def needed(classes: set[str] | frozenset[str], tags: set[str] | frozenset[str]) -> tuple[Part, ...]:
    """The parts a page with these classes and tags needs, in PARTS' order."""
    return tuple(part for part in PARTS if part.used_by(classes, tags))


_ALL_CLASSES = frozenset(c for part in PARTS for c in part.classes)
# Every class attribute, as HTML allows it to be written: "…", '…' or unquoted
# (and any "…class=" attribute, which only counts a class more, never one less).
_CLASS_VALUE = re.compile(r"""(?i:class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG_PATTERNS = {tag: re.compile(rf"<{re.escape(tag)}(?![\w-])", re.I) for part in PARTS for tag in part.tags}


def needed_in(page: str) -> tuple[Part, ...]:
    """The parts an HTML text needs, read as text (no parse): every element's
    classes and tags are found (and sometimes a few more, from a comment or
    a script's text, which only loads a file without need)."""
    values = " ".join(a or b or c for a, b, c in _CLASS_VALUE.findall(page))
    tags = {tag for tag, pattern in _TAG_PATTERNS.items() if pattern.search(page)}
    return needed(_ALL_CLASSES.intersection(values.split()), tags)
