"""Markdown that would not render as the editor meant.

Python-Markdown is stricter than the GitHub editor's preview, so these slips
look right while writing and come out wrong on the site. Each rule reads the
page's lines (parsed once by the model) and names the line and the fix:

* a list right after a line of text (no empty line between): becomes text;
* nested list items indented by a tab or fewer than 4 spaces: not nested;
* a box (`!!! note`) whose text is indented too little, or of a kind the
  theme does not know (`!!! advarsel`);
* a heading level that skips (`##` then `####`);
* `---` right under a line of text (it makes that text a heading);
* `<!--` never closed (everything after it disappears);
* leftover merge-conflict markers;
* a link missing its closing `)`;
* footnotes (`[^1]`), which the site does not support;
* a table row with another number of cells than the header.
"""

from __future__ import annotations

import re

from scripts.model.pages import INLINE_CODE, SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "markdown"
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+\S")
ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s*([\w-]*)")
# The box kinds Material for MkDocs draws (admonition types and their aliases).
ADMONITION_TYPES = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
}  # fmt: skip
HEADING = re.compile(r"^(#{1,6})\s")
SETEXT = re.compile(r"^\s{0,3}(-{3,}|={3,})\s*$")
CONFLICT = re.compile(r"^(<{7}|>{7})( |$)|^={7}$")
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _p(page: SourcePage, line: int, message: str) -> Problem:
    return Problem(page.shown, line, message, check=NAME)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _cells(row: str) -> int:
    inner = row.strip().strip("|")
    return len(re.split(r"(?<!\\)\|", inner))


_PAREN = re.compile(r"[()]")


def _unclosed_link(text: str) -> bool:
    """A link target "](" whose brackets do not close on the line."""
    start = text.find("](")
    while start >= 0:
        depth, i = 1, start + 2
        while depth:
            paren = _PAREN.search(text, i)
            if paren is None:
                return True
            depth += 1 if paren.group() == "(" else -1
            i = paren.end()
        start = text.find("](", start + 2)
    return False


def page_problems(page: SourcePage) -> list[Problem]:
    problems: list[Problem] = []
    lines = page.lines
    previous_heading = 0
    in_comment_since = 0
    in_conflict = False
    for index, line in enumerate(lines):
        raw = line.text
        if CONFLICT.match(raw):
            # One message per conflict: at its first marker, not at ======= and >>>>>>> too.
            reported, in_conflict = in_conflict, not raw.startswith(">")
            if reported:
                continue
            problems.append(
                _p(
                    page,
                    line.number,
                    "a leftover merge-conflict marker (<<<<<<<, ======= or >>>>>>>). Keep the "
                    "right version of the text, and delete the markers and the other version.",
                )
            )
            continue
        if line.in_code:
            continue
        text = INLINE_CODE.sub("", raw)
        if in_comment_since:
            if "-->" in text:
                in_comment_since = 0
            continue
        start = text.rfind("<!--")
        if start >= 0 and "-->" not in text[start:]:
            in_comment_since = line.number
            continue
        before = lines[index - 1].text if index else ""
        before_blank = not before.strip() or lines[index - 1].in_code
        if raw.startswith("\t"):
            problems.append(
                _p(
                    page,
                    line.number,
                    "this line starts with a tab. Use 4 spaces instead: the site reads a tab "
                    "differently from the editor's preview.",
                )
            )
        heading = HEADING.match(text)
        if heading:
            level = len(heading.group(1))
            if previous_heading and level > previous_heading + 1:
                problems.append(
                    _p(
                        page,
                        line.number,
                        f"this heading is level {level} ({'#' * level}) right after a level {previous_heading} "
                        "heading, so a level is skipped (screen readers use the levels to move around). "
                        f"Use {'#' * (previous_heading + 1)}.",
                    )
                )
            previous_heading = level
        item = LIST_ITEM.match(text)
        if item and not before_blank:
            before_item = LIST_ITEM.match(before)
            in_list = (
                bool(before_item)
                or _indent(before) > _indent(text)
                or any(
                    LIST_ITEM.match(lines[k].text)
                    for k in range(index - 1, -1, -1)
                    if lines[k].text.strip() and all(lines[m].text.strip() for m in range(k, index))
                )
            )
            if (
                not in_list
                and not HEADING.match(before)
                and not ADMONITION.match(before)
                and not TABLE_ROW.match(before)
            ):
                problems.append(
                    _p(
                        page,
                        line.number,
                        "this list starts right after a line of text, so the site shows it as part "
                        "of that text. Put an empty line before the list.",
                    )
                )
        if item and 0 < _indent(text) < 4:
            problems.append(
                _p(
                    page,
                    line.number,
                    f"this list item is indented by {_indent(text)} space(s); the site needs 4 "
                    "to show it as a nested list. Indent it by 4 spaces (8 for the next level).",
                )
            )
        box = ADMONITION.match(text)
        if box:
            kind = box.group(3).lower()
            if kind not in ADMONITION_TYPES:
                problems.append(
                    _p(
                        page,
                        line.number,
                        f"'{box.group(3) or '(none)'}' is not a kind of box the site knows. Use one "
                        "of: note, info, tip, warning, danger (the title in quotes may be in any "
                        'language: !!! warning "Viktig").',
                    )
                )
            following = next((lines[k] for k in range(index + 1, len(lines)) if lines[k].text.strip()), None)
            need = _indent(text) + 4
            if following is None or _indent(following.text) <= _indent(text):
                problems.append(
                    _p(
                        page,
                        line.number,
                        "this box has no text under it. Indent the box's text by 4 spaces on the lines below this one.",
                    )
                )
            elif _indent(following.text) < need:
                problems.append(
                    _p(
                        page,
                        following.number,
                        f"this text is indented by {_indent(following.text) - _indent(text)} space(s) "
                        f"under the box on line {line.number}; it needs 4, or it is not shown in the box.",
                    )
                )
        if SETEXT.match(text) and not before_blank and not TABLE_ROW.match(before) and not HEADING.match(before):
            problems.append(
                _p(
                    page,
                    line.number,
                    "a line of --- (or ===) right under a line of text makes that text a heading. "
                    "Put an empty line above it for a dividing line, or delete it.",
                )
            )
        if FOOTNOTE.search(text):
            problems.append(
                _p(
                    page,
                    line.number,
                    "footnotes ([^1]) are not shown on the site. Write the note as a sentence "
                    "in the text, or as a link to the source.",
                )
            )
        if _unclosed_link(text):
            problems.append(
                _p(
                    page,
                    line.number,
                    "a link here is missing its closing ')'. Write it as [text](address), with both brackets.",
                )
            )
        if TABLE_RULE.match(text) and TABLE_ROW.match(before):
            wanted = _cells(before)
            for k in range(index + 1, len(lines)):
                row = lines[k].text
                if not TABLE_ROW.match(row):
                    break
                if _cells(row) != wanted:
                    problems.append(
                        _p(
                            page,
                            lines[k].number,
                            f"this table row has {_cells(row)} cells but the header (line {lines[index - 1].number}) "
                            f"has {wanted}. Add or remove '|' so every row has {wanted} cells.",
                        )
                    )
    if in_comment_since:
        problems.append(
            _p(
                page,
                in_comment_since,
                "the comment that starts here with <!-- is never closed, so everything after "
                "it is hidden. Add --> where the comment should end.",
            )
        )
    return problems


def check(model: SiteModel) -> list[Problem]:
    problems: list[Problem] = []
    for page in model.pages.all_pages():
        if page.readable:
            problems += page_problems(page)
    return problems
