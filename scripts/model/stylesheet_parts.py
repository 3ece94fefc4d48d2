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

# Every class attribute, as HTML allows it to be written: "…", '…' or unquoted.
_CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")


def markup_in(page: str) -> tuple[set[str], set[str]]:
    """The classes and tag names an HTML text may have, read as text (no parse):
    every element's are among them (and sometimes a few more, from a comment
    or a script's text, which only loads a file without need)."""
    classes: set[str] = set()
    for match in _CLASS_ATTRIBUTE.finditer(page):
        classes.update((match.group(1) or match.group(2) or match.group(3) or "").split())
    return classes, {tag.lower() for tag in _TAG.findall(page)}


def needed(classes: set[str] | frozenset[str], tags: set[str] | frozenset[str]) -> tuple[Part, ...]:
    """The parts a page with these classes and tags needs, in PARTS' order."""
    return tuple(part for part in PARTS if part.used_by(classes, tags))


_ALL_CLASSES = frozenset(c.lower() for part in PARTS for c in part.classes)
# For needed_in: the same, on a text already in lower case ("data-class=" counts too: more, never less).
_CLASS_VALUE = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG_PATTERNS = {tag: re.compile(rf"<{re.escape(tag)}(?![\w-])") for part in PARTS for tag in part.tags}


def needed_in(page: str) -> tuple[Part, ...]:
    """The parts an HTML text needs, as `needed(*markup_in(page))` finds them,
    in a third of the time: on the text in lower case (a class written
    "Admonition" then also counts, which only loads a file without need),
    only the parts' own classes and tags."""
    lower = page.lower()
    classes: set[str] = set()
    for match in _CLASS_VALUE.finditer(lower):
        classes.update(_ALL_CLASSES.intersection((match.group(1) or match.group(2) or match.group(3) or "").split()))
    tags = {tag for tag, pattern in _TAG_PATTERNS.items() if pattern.search(lower)}
    return needed(classes, tags)
