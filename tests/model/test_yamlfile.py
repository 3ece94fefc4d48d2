"""YAML with line numbers: every slip an editor can make ends as a file:line record, never an exception."""

from __future__ import annotations

import datetime as dt

from scripts.model import yamlfile
from scripts.model.pages import parse_page
from scripts.model.textfile import read_utf8


def test_values_remember_their_lines():
    data, problems = yamlfile.load("a: 1\nlist:\n  - x\n  - y: 2\n", "f.yml")
    assert problems == []
    assert data.line_of("list") == 2 and data["list"].line_of(1) == 4 and data["list"][1].line_of("y") == 4


def test_impossible_dates_load_as_text_for_the_checks():
    data, problems = yamlfile.load("a: 2026-13-01\nb: 2026-11-31\nc: 2026-11-30\n", "f.yml")
    assert problems == []
    assert isinstance(data["a"], yamlfile.InvalidDate) and isinstance(data["b"], yamlfile.InvalidDate)
    assert data["c"] == dt.date(2026, 11, 30)


def test_syntax_errors_and_duplicates_name_their_line():
    data, problems = yamlfile.load("a: 1\nb: [1, 2\nc: 3\n", "f.yml")
    assert data is None and len(problems) == 1 and problems[0].path == "f.yml" and problems[0].line >= 2
    assert "is not valid YAML" in problems[0].message
    data, problems = yamlfile.load("a: 1\nb: 2\na: 3\n", "f.yml")
    assert [str(p) for p in problems] == ["f.yml:3: 'a' appears twice in the same block. Keep one of them."]


def test_front_matter_lines_count_from_the_top_of_the_file():
    page = parse_page("nb", "x/index.md", "---\ntitle: T\nsources:\n  - title: A\n    url: https://a.no\n---\n# T\n")
    assert page.readable and page.line_of("sources", 0, "url") == 5 and page.body_line == 7


def test_a_missing_closing_line_and_missing_front_matter_are_explained():
    unclosed = parse_page("nb", "x/index.md", "---\ntitle: T\n# T\n")
    assert not unclosed.readable and "no closing '---' line" in unclosed.read_problems[0].message
    none = parse_page("nb", "x/index.md", "# T\n")
    assert not none.readable and "has no front matter" in none.read_problems[0].message


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "index.md"
    path.write_bytes("---\ntitle: T\n---\n# Pårørende\n".encode("latin-1"))
    text, problems = read_utf8(path, "docs/nb/x/index.md")
    assert text is None and [p.line for p in problems] == [4] and "not saved as UTF-8" in problems[0].message
