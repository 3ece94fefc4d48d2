"""YAML with line numbers, for front matter and every data file.

Mappings load as `LineMap` and lists as `LineList`, which remember the line of
each key or item, so a check can name the line of any value. YAML errors,
and duplicate keys become `Problem`s at their line; impossible dates
(2026-13-01) load as `InvalidDate` text for the checks to name. Nothing here
raises on an editor's input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.model.problem import Problem
from scripts.model.textfile import read_utf8

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: about 10x faster


class LineMap(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 1
    lines: dict

    def line_of(self, key) -> int:
        return getattr(self, "lines", {}).get(key, self.line)


class LineList(list):
    """A YAML sequence that remembers the line of itself and of each item."""

    line: int = 1
    lines: list

    def line_of(self, index: int) -> int:
        lines = getattr(self, "lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class _LineLoader(_BASE):
    offset: int = 0
    duplicates: list


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1 + loader.offset
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            key = str(key)
        line = key_node.start_mark.line + 1 + loader.offset
        if key in result:
            loader.duplicates.append((line, key, result.lines[key]))
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_list(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1 + loader.offset
    result.lines = [child.start_mark.line + 1 + loader.offset for child in node.value]
    return result


class InvalidDate(str):
    """Text that YAML took for a date but that is none (2026-13-01, 2026-11-31).

    Kept as text so the checks can say which field holds it, and go on."""


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def error_line(exc: yaml.YAMLError, offset: int = 0) -> int:
    """The 1-based line a YAML error points at (the first line when it names none)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 + offset if mark else 1 + offset


def error_reason(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).strip()


DUPLICATE = "'{key}' appears twice in the same block. Keep one of them."


def load(
    text: str, shown: str, *, offset: int = 0, what: str = "this", duplicate: str = DUPLICATE
) -> tuple[object, list[Problem]]:
    """(data, problems). `offset` is the line the text starts after (front
    matter starts after its '---' line). On a syntax error data is None."""
    loader = _LineLoader(text)
    loader.offset = offset
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        message = (
            f"{what} is not valid YAML ({error_reason(exc)}). Check the spelling and indentation "
            "of this line (and the lines just above it)."
        )
        return None, [Problem(shown, error_line(exc, offset), message)]
    finally:
        loader.dispose()
    problems = [Problem(shown, line, duplicate.format(key=key, first=first)) for line, key, first in loader.duplicates]
    return data, problems


@dataclass
class DataFile:
    """One YAML data file as read: its data (None when unreadable) and what stopped it."""

    shown: str
    data: object = None
    read_problems: list[Problem] = field(default_factory=list)


def read_file(path: Path, shown: str) -> DataFile:
    """A YAML file, read as UTF-8 text with line numbers; never raises."""
    found = DataFile(shown)
    text, problems = read_utf8(path, shown)
    found.read_problems += problems
    if text is not None:
        found.data, problems = load(text, shown)
        found.read_problems += problems
    return found
