"""The built site, scanned once: one walk, one parse per HTML page.

Every built-site check (links, third-party loads, published addresses, the
HTML allowlist) reads these records instead of the files, so the same checks
run on the output of any engine that renders the site; so does the pruning
of the theme's stylesheet (scripts/render/css_prune.py), which needs every
tag, class, id and attribute the pages use (`Selectors`).
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

LINK_SELECTOR = (
    "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], audio[src], video[src], [srcset]"
)

# (selector, attribute) pairs whose URL the browser fetches by itself.
RESOURCE_SELECTORS = (
    ("script[src]", "src"),
    ("link[href]", "href"),
    ("img[src]", "src"),
    ("img[srcset]", "srcset"),
    ("source[src]", "src"),
    ("source[srcset]", "srcset"),
    ("iframe[src]", "src"),
    ("frame[src]", "src"),
    ("embed[src]", "src"),
    ("object[data]", "data"),
    ("video[src]", "src"),
    ("video[poster]", "poster"),
    ("audio[src]", "src"),
    ("track[src]", "src"),
    ("input[src]", "src"),
)
# The same as one query (one walk of the tree), and tag -> [(its place above, attribute)].
_RESOURCE_QUERY = ", ".join(selector for selector, _ in RESOURCE_SELECTORS)
_RESOURCE_TAGS: dict[str, list[tuple[int, str]]] = {}
for _index, (_selector, _attribute) in enumerate(RESOURCE_SELECTORS):
    _RESOURCE_TAGS.setdefault(_selector.split("[")[0], []).append((_index, _attribute))


def script_hash(source: str) -> str:
    """The Content-Security-Policy hash of an inline script's text: 'sha256-...'."""
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset attribute ('a.png 1x, b.png 2x')."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Resource:
    tag: str
    attribute: str
    url: str
    rel: str = ""  # <link rel>


class Element(NamedTuple):
    """An element of the page's own content (inside <article>), for the HTML allowlist.
    (A tuple: a site has tens of thousands, and a frozen dataclass is slow to make.)"""

    tag: str
    attributes: tuple[tuple[str, str], ...]


@dataclass
class Selectors:
    """What CSS selectors can match in a page: its tags, classes, ids, attribute
    names and attribute values (split at single spaces), as PurgeCSS's own
    HTML reader (purgecss-from-html) collects them."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attribute_names: set[str] = field(default_factory=set)
    attribute_values: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, tags: set[str], pairs: set[tuple[str, str | None]]) -> Selectors:
        """From a page's tags and (attribute, value) pairs (`markup_of`)."""
        found = cls({tag for tag in tags if not tag.startswith(("_", "-", "!"))})  # not comments, doctype
        for name, value in pairs:
            found.attribute_names.add(name)
            parts = (value or "").split(" ")
            found.attribute_values.update(parts)
            if name == "class":
                found.classes.update(parts)
            elif name == "id":
                found.ids.update(parts)
        return found

    def as_purgecss(self) -> dict:
        """PurgeCSS's extractor result ("ExtractorResultDetailed"), sorted."""
        return {
            "tags": sorted(self.tags),
            "classes": sorted(self.classes),
            "ids": sorted(self.ids),
            "attributes": {"names": sorted(self.attribute_names), "values": sorted(self.attribute_values)},
            "undetermined": [],
        }


def markup_of(tree: LexborHTMLParser) -> tuple[set[str], set[tuple[str, str]], set[tuple[str, str]]]:
    """Every tag, every (attribute, value) pair and every (tag, class attribute)
    in a page, as they are: the splitting into classes, ids and values is done
    once for the whole site (`Selectors.of`), since most pairs repeat on every page."""
    tags: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    shapes: set[tuple[str, str]] = set()
    add_tag, add_pairs, add_shape = tags.add, pairs.update, shapes.add
    for node in tree.root.traverse(include_text=False) if tree.root is not None else ():
        attributes = node.attributes
        add_tag(node.tag)
        add_pairs(attributes.items())
        add_shape((node.tag, attributes.get("class") or ""))
    return tags, pairs, shapes


@dataclass
class BuiltPage:
    rel: str  # "en/rettigheter/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # every href/src/srcset URL, as written
    resources: list[Resource] = field(default_factory=list)  # what the browser loads by itself
    styles: list[str] = field(default_factory=list)  # <style> texts and style="" attributes
    canonical: str | None = None
    lang: str = ""
    before_csp: list[str] = field(default_factory=list)  # elements of <head> before the policy's <meta>
    csp: str | None = None  # the Content-Security-Policy <meta>, if any
    inline_scripts: list[str] = field(default_factory=list)  # <script> without src, outside <article> (not JSON-LD)
    content_scripts: list[str] = field(default_factory=list)  # the same inside <article>: never allowed
    content: list[Element] = field(default_factory=list)  # elements inside <article>
    tags: set[str] = field(default_factory=set)  # every tag name (for Selectors)
    attributes: set[tuple[str, str]] = field(default_factory=set)  # every (attribute, value) pair (for Selectors)
    shapes: set[tuple[str, str]] = field(default_factory=set)  # every element's (tag, class attribute)

    @property
    def classes(self) -> set[str]:
        return {c for name, value in self.attributes if name == "class" for c in (value or "").split()}

    @property
    def is_not_found(self) -> bool:
        return self.rel.endswith("404.html")


def parse(rel: str, data: bytes) -> BuiltPage:
    tree = LexborHTMLParser(data)
    page = BuiltPage(rel)
    page.tags, page.attributes, page.shapes = markup_of(tree)
    root = tree.css_first("html")
    page.lang = (root.attributes.get("lang") or "") if root else ""
    for node in tree.css("[id], a[name]"):
        for key in ("id", "name"):
            value = node.attributes.get(key)
            if value:
                page.ids.add(value)
    for node in tree.css(LINK_SELECTOR):
        attrs = node.attributes
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                page.links.append(attrs[key].strip())
        if attrs.get("srcset"):
            page.links += srcset_urls(attrs["srcset"])
        if node.tag == "link" and attrs.get("rel") == "canonical":
            page.canonical = attrs.get("href")
    # In the order of RESOURCE_SELECTORS, each in the page's order, as one query per selector would give.
    found: list[list[Resource]] = [[] for _ in RESOURCE_SELECTORS]
    for node in tree.css(_RESOURCE_QUERY):
        tag, attrs = node.tag, node.attributes
        for index, attribute in _RESOURCE_TAGS.get(tag, ()):
            if attribute not in attrs:
                continue
            value = attrs[attribute] or ""
            urls = srcset_urls(value) if attribute == "srcset" else [value]
            rel_attr = (attrs.get("rel") or "").lower() if tag == "link" else ""
            found[index] += [Resource(tag, attribute, url, rel_attr) for url in urls]
    for resources in found:
        page.resources += resources
    page.styles = [node.text() for node in tree.css("style")] + [
        node.attributes.get("style") or "" for node in tree.css("[style]")
    ]
    head = tree.head
    child = head.child if head is not None else None
    while child is not None:
        if child.tag == "meta" and (child.attributes.get("http-equiv") or "").lower() == "content-security-policy":
            page.csp = html_lib.unescape(child.attributes.get("content") or "")
            break
        if not child.tag.startswith(("-", "_")):
            page.before_csp.append(child.tag)
        child = child.next
    in_content = set()
    for article in tree.css("article"):
        in_content.update(node.html for node in article.css("script"))
    for node in tree.css("script"):
        if node.attributes.get("src") is None and "json" not in (node.attributes.get("type") or ""):
            (page.content_scripts if node.html in in_content else page.inline_scripts).append(node.text())
    for article in tree.css("article"):
        for node in article.traverse(include_text=False):
            if node is article:
                continue
            attrs = node.attributes
            if None in attrs.values():  # an attribute without a value: ""
                page.content.append(Element(node.tag, tuple((k, v or "") for k, v in attrs.items())))
            else:
                page.content.append(Element(node.tag, tuple(attrs.items())))
    return page


@dataclass
class BuiltSite:
    site_dir: Path
    pages: dict[str, BuiltPage]  # every .html file, 404 pages included
    css: dict[str, str]  # every .css file's text
    files: set[str]  # every file, relative, with slashes

    def reader_pages(self) -> dict[str, BuiltPage]:
        """Pages reached by links (not the not-found pages, which any address serves)."""
        return {rel: page for rel, page in self.pages.items() if not page.is_not_found}

    @property
    def site_url(self) -> str:
        """The address the site was built for, from the home page's canonical link."""
        home = self.pages.get("index.html")
        url = home.canonical if home and home.canonical else "https://site.invalid/"
        return url if url.endswith("/") else url + "/"

    @property
    def page_urls(self) -> set[str]:
        """Every page address: each folder with an index.html ('/', '/en/rettigheter/')."""
        urls = set()
        for rel in self.files:
            if rel == "index.html":
                urls.add("/")
            elif rel.endswith("/index.html"):
                urls.add("/" + rel[: -len("index.html")])
        return urls

    def read_text(self, rel: str) -> str:
        return (self.site_dir / rel).read_text(encoding="utf-8", errors="replace")

    def selectors(self) -> Selectors:
        """Every tag, class, id and attribute of every page."""
        tags: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        for page in self.pages.values():
            tags |= page.tags
            pairs |= page.attributes
        return Selectors.of(tags, pairs)

    def shapes(self) -> set[tuple[str, str]]:
        """Every element's (tag, class attribute), on any page: which classes occur together."""
        return set().union(*(page.shapes for page in self.pages.values()))

    def rescan_assets(self) -> None:
        """Read the file list and the stylesheets again, not the pages: after a
        step that changes only those (the stylesheet bundle)."""
        self.css, self.files = {}, set()
        for path in sorted(self.site_dir.rglob("*")):
            if path.is_file():
                rel = path.relative_to(self.site_dir).as_posix()
                self.files.add(rel)
                if path.suffix == ".css":
                    self.css[rel] = path.read_text(encoding="utf-8", errors="replace")


def scan(site_dir: Path) -> BuiltSite:
    site_dir = Path(site_dir)
    pages: dict[str, BuiltPage] = {}
    for path in sorted(site_dir.rglob("*.html")):
        if path.is_file():
            rel = path.relative_to(site_dir).as_posix()
            pages[rel] = parse(rel, path.read_bytes())
    site = BuiltSite(site_dir, pages, {}, set())
    site.rescan_assets()
    return site
