"""The bundle's rules for admonitions, tables, cards and buttons in files of their own.

The pruned bundle (css_prune.py) keeps every rule some page uses, and most
pages have no table, card or button, and many no admonition. `split()` moves
each selector that needs one of a part's classes or tags
(scripts/model/stylesheet_parts.py) into that part's file, with the custom
properties (such as the admonition icons) only those selectors use;
`link_parts()` links a part's file, right after the bundle, on each page
that has one of its classes or tags.

Nothing renders differently:
* A moved selector needs one of the part's classes or tags outside :not(),
  :is() and the like, so it cannot match on a page that does not load the part.
* A part's file comes after the bundle, so a moved rule now follows rules
  it came before. Where that could change which declaration wins (the same
  specificity and pseudo-element, a property of the same family, such as
  margin and margin-left, and an element in the built site, or a class a
  script may add, that both could match), the selector stays in the bundle.
  So does one tinycss2 or cssselect2 cannot read.
* The `stylesheets` check confirms on the built pages that each page links
  the parts it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cssselect2.parser as selector_parser
import tinycss2

from scripts.model.stylesheet_parts import PARTS, Part, needed_in

BUNDLE_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)bundle\.min\.css">')
PART_LINK = re.compile(r'\n<link rel="stylesheet" href="[^"]*bundle-[a-z]+\.min\.css">')
# At-rules whose block holds rules, and that only select when those apply: one
# is written around a moved rule in the part's file. (@layer would not do: the
# order of layers is where each is first named.)
_BLOCK_AT_RULES = {"media", "supports", "container"}
# Properties that set the same thing under other names: top sets inset, row-gap sets gap.
_FAMILY_ALIASES = {"top": "inset", "right": "inset", "bottom": "inset", "left": "inset", "row": "gap", "column": "gap"}
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def link_parts(page: str) -> str:
    """`page` with a <link> to the file of each part it uses, after the bundle's
    link (a page without that link, as in `mkdocs serve`, is left as it is).
    Links to parts it already had are replaced: a guide step is the start page
    with another guide in it."""
    page = PART_LINK.sub("", page)
    found = BUNDLE_LINK.search(page)
    if not found:
        return page
    parts = needed_in(page)
    links = "".join(f'\n<link rel="stylesheet" href="{found.group(1)}{part.file.rsplit("/", 1)[1]}">' for part in parts)
    return page[: found.end()] + links + page[found.end() :]


@dataclass(frozen=True)
class Shape:
    """What the rightmost part of a selector needs of an element."""

    tag: str | None
    classes: frozenset[str]


@dataclass
class _Selector:
    text: str
    specificity: tuple | None = None  # None: unreadable, stays in the bundle
    pseudo: str | None = None  # the pseudo-element ("before"); for an unreadable selector, None: unknown
    shape: Shape = Shape(None, frozenset())
    part: int | None = None  # index into PARTS; None: the bundle


@dataclass
class _Rule:
    context: tuple[str, ...]  # the enclosing at-rules' preludes ("@media print", ...)
    selectors: list[_Selector] = field(default_factory=list)
    declarations: list[tuple[str, str]] = field(default_factory=list)  # (name, text)
    moved_declarations: dict[str, int] = field(default_factory=dict)  # custom property -> part
    opaque: str = ""  # @font-face, @keyframes...: kept in the bundle as written
    families: frozenset[str] = frozenset()  # of the declarations' properties (_family)


def _family(name: str) -> str:
    name = name.lower()
    if name.startswith("--"):
        return name
    root = re.sub(r"^-(webkit|moz|ms|o)-", "", name).split("-", 1)[0]
    return _FAMILY_ALIASES.get(root, root)


def _simple_selectors(tree):
    """The simple selectors every match needs: not those inside :not(), :is(), :has()..."""
    if isinstance(tree, selector_parser.CombinedSelector):
        yield from _simple_selectors(tree.left)
        yield from _simple_selectors(tree.right)
    elif isinstance(tree, selector_parser.CompoundSelector):
        yield from tree.simple_selectors
    else:
        yield tree


def _rightmost(tree) -> Shape:
    while isinstance(tree, selector_parser.CombinedSelector):
        tree = tree.right
    simple = tree.simple_selectors if isinstance(tree, selector_parser.CompoundSelector) else [tree]
    tags = [s.lower_local_name for s in simple if isinstance(s, selector_parser.LocalNameSelector)]
    classes = frozenset(s.class_name for s in simple if isinstance(s, selector_parser.ClassSelector))
    return Shape(tags[0] if tags else None, classes)


def _part_of(tree) -> int | None:
    simple = list(_simple_selectors(tree))
    classes = {s.class_name for s in simple if isinstance(s, selector_parser.ClassSelector)}
    tags = {s.lower_local_name for s in simple if isinstance(s, selector_parser.LocalNameSelector)}
    return next((i for i, part in enumerate(PARTS) if part.used_by(classes, tags)), None)


def _selector_tokens(prelude: list) -> list[list]:
    """A selector list's tokens, one list per selector."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _read(nodes: list, context: tuple[str, ...], out: list[_Rule]) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            contents = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            if any(item.type != "declaration" for item in contents):
                # Nested rules (or what tinycss2 could not read): kept whole, in the bundle.
                out.append(_Rule(context, opaque=node.serialize()))
                continue
            rule = _Rule(context)
            for item in contents:
                if item.type == "declaration":
                    value = tinycss2.serialize(item.value).strip()
                    important = "!important" if item.important else ""
                    rule.declarations.append((item.name, f"{item.name}:{value}{important}"))
            rule.families = frozenset(_family(name) for name, _ in rule.declarations)
            for tokens in _selector_tokens(node.prelude):
                text = tinycss2.serialize(tokens).strip()
                try:
                    [parsed] = selector_parser.parse(tokens)
                except (selector_parser.SelectorError, ValueError):
                    # Mostly a pseudo-element cssselect2 does not know (::-webkit-scrollbar):
                    # then it can only conflict with a rule for the same one.
                    pseudo = re.findall(r"::([\w-]+)", text)
                    rule.selectors.append(_Selector(text, pseudo=pseudo[-1].lower() if pseudo else None))
                    continue
                tree = parsed.parsed_tree
                rule.selectors.append(
                    _Selector(text, parsed.specificity, parsed.pseudo_element, _rightmost(tree), _part_of(tree))
                )
            out.append(rule)
        elif node.type == "at-rule" and node.lower_at_keyword in _BLOCK_AT_RULES and node.content is not None:
            prelude = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}".strip()
            inner = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            _read([n for n in inner if n.type in ("qualified-rule", "at-rule")], (*context, prelude), out)
        elif node.type in ("qualified-rule", "at-rule"):
            out.append(_Rule(context, opaque=node.serialize()))


class _Elements:
    """Whether one element of the built site could match two selectors' rightmost parts."""

    def __init__(self, shapes: set[tuple[str, str]] | None, script_words: set[str]):
        # (tag, classes) of every element; a class or tag a script may add can be on any element.
        self.shapes = None if shapes is None else {(tag, frozenset(c.split())) for tag, c in shapes}
        self.script_words = script_words

    def may_share(self, a: Shape, b: Shape) -> bool:
        if a.tag and b.tag and a.tag != b.tag:
            return False
        if self.shapes is None:
            return True
        tag = a.tag or b.tag
        if tag in self.script_words:
            tag = None
        classes = (a.classes | b.classes) - self.script_words
        return any((tag is None or t == tag) and classes <= c for t, c in self.shapes)


def _keep_conflicts(rules: list[_Rule], elements: _Elements) -> None:
    """Keep in the bundle every moved selector whose later place could change the cascade."""
    changed = True
    while changed:
        changed = False
        placed = []  # (place in the old order, place in the new order, selector, rule)
        unreadable = []  # the same for selectors without a known specificity: they may conflict with any
        for order, rule in enumerate(rules):
            for selector in rule.selectors:
                new = ((selector.part + 1) if selector.part is not None else 0, order)
                (placed if selector.specificity is not None else unreadable).append((order, new, selector, rule))
        groups: dict[tuple, list] = {}
        for entry in placed:
            groups.setdefault((entry[2].specificity, entry[2].pseudo), []).append(entry)
        for group in groups.values():
            for order, new, selector, rule in group:
                if selector.part is None:
                    continue
                for other_order, other_new, other, other_rule in group + unreadable:
                    if other_rule is rule or (other_order < order) == (other_new < new):
                        continue
                    families, other_families = rule.families, other_rule.families
                    if not (families & other_families or "all" in families | other_families):
                        continue
                    if other.specificity is None and other.pseudo is not None and other.pseudo != selector.pseudo:
                        continue  # an unreadable selector for another pseudo-element
                    if other.specificity is None or elements.may_share(selector.shape, other.shape):
                        selector.part = None
                        if other.part is not None:
                            other.part = None
                        changed = True
                        break


def _move_variables(rules: list[_Rule], keep: set[str]) -> None:
    """Move a custom property's one declaration to the part whose selectors alone use it."""
    users: dict[str, set[int | None]] = {}
    declared: dict[str, list[_Rule]] = {}
    for rule in rules:
        parts = {s.part for s in rule.selectors} or {None}
        for name, text in rule.declarations:
            if name.startswith("--"):
                declared.setdefault(name, []).append(rule)
            for used in _VAR_USE.findall(text):
                users.setdefault(used, set()).update(parts)
        for used in _VAR_USE.findall(rule.opaque):
            users.setdefault(used, set()).add(None)
    for name, declaring in declared.items():
        where = users.get(name, set())
        if len(declaring) == 1 and len(where) == 1 and None not in where and name not in keep:
            rule = declaring[0]
            if all(s.part is None for s in rule.selectors) and not rule.context:
                rule.moved_declarations[name] = next(iter(where))


def _write(rules: list[_Rule], part: int | None) -> str:
    """The rules, or the parts of rules, that belong in `part`'s file (None: the bundle)."""
    out: list[str] = []
    open_context: tuple[str, ...] = ()
    for rule in rules:
        if rule.opaque:
            if part is not None:
                continue
            text = rule.opaque
        else:
            selectors = [s.text for s in rule.selectors if s.part == part]
            declarations = [t for n, t in rule.declarations if rule.moved_declarations.get(n) is None]
            if part is not None:
                # The rule's custom properties only this part uses, under the rule's own selectors.
                moved = [t for n, t in rule.declarations if rule.moved_declarations.get(n) == part]
                if moved and not selectors:
                    selectors, declarations = [s.text for s in rule.selectors], moved
            if not selectors or not declarations:
                continue
            text = ",".join(selectors) + "{" + ";".join(declarations) + "}"
        # Close and open at-rules so that consecutive rules share one wrapper.
        common = 0
        while common < min(len(open_context), len(rule.context)) and open_context[common] == rule.context[common]:
            common += 1
        out.append("}" * (len(open_context) - common))
        out.extend(prelude + "{" for prelude in rule.context[common:])
        open_context = rule.context
        out.append(text)
    out.append("}" * len(open_context))
    return "".join(out)


@dataclass
class Split:
    bundle: str
    parts: dict[Part, str]  # each part's file's text ("" when nothing moved)


def split(
    css: str,
    shapes: set[tuple[str, str]] | None = None,
    script_words: set[str] = frozenset(),
    keep_variables: set[str] = frozenset(),
) -> Split:
    """`css` as the bundle plus one file per part (see the module's docstring).

    `shapes`: (tag, class attribute) of every element of the built site
    (None: any two selectors may match one element); `script_words`: the
    words in the site's scripts' strings, any of which a script may add as a
    class or use as a custom property; `keep_variables`: custom properties
    something outside the bundle uses (style attributes, offers.css, guide.css)."""
    rules: list[_Rule] = []
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    _read([n for n in nodes if n.type in ("qualified-rule", "at-rule")], (), rules)
    _keep_conflicts(rules, _Elements(shapes, set(script_words)))
    # A script may read or set a custom property by its name.
    _move_variables(rules, set(keep_variables) | {word for word in script_words if word.startswith("--")})
    return Split(_write(rules, None), {part: _write(rules, i) for i, part in enumerate(PARTS)})
