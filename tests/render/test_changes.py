"""What changed in Norwegian since a translation was made (scripts/render/changes.py,
scripts/model/history.py), in a real git repository: commit, edit, commit."""

from __future__ import annotations

import subprocess
from pathlib import Path

from scripts.model.config import load_config
from scripts.model.history import History
from scripts.model.pages import parse_page, read_site
from scripts.render import changes
from scripts.render.stamp import stamp
from tests.checks.test_urls import make_site
from tests.helpers import cli

LOCALES = ("en", "ar", "so")
TRANSLATION = """---
title: Page {locale}
description: A page.
owner: Redaksjonen
last_reviewed: 2026-11-01
next_review: 2027-11-01
time_sensitive: false
sources:
  - title: Kilde
    url: https://example.org/kilde
translation:
  status: machine
  source_hash: 000000000000
---

# Page {locale}

A short page.

## Who can get help {{#hvem}}

Everyone can get help.
"""


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def repository(tmp_path: Path) -> Path:
    """The fixture site with a stamped translation in every language, committed on main."""
    root = make_site(tmp_path)
    cfg = load_config(root)
    for locale in LOCALES:
        page = root / "docs" / locale / "side" / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(TRANSLATION.format(locale=locale), encoding="utf-8")
        stamp(cfg, page)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    return root


def edit(root: Path, old: str, new: str, message: str = "edit") -> None:
    page = root / "docs" / "nb" / "side" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    git(root, "commit", "-q", "-am", message)


def test_front_matter_and_whitespace_changes_do_not_outdate_a_translation():
    text = "---\ntitle: A\nnext_review: 2027-01-01\n---\n# A\n\nOne two  three.\n"
    page = parse_page("nb", "a/index.md", text)
    same = parse_page("nb", "a/index.md", text.replace("2027-01-01", "2028-01-01").replace("two  three", "two\nthree"))
    other = parse_page("nb", "a/index.md", text.replace("three", "four"))
    assert page.content_hash == same.content_hash
    assert page.content_hash != other.content_hash


def test_word_diff_shows_exactly_the_edited_words():
    old = parse_page("nb", "a/index.md", "---\ntitle: A\n---\n# A\n\nAlle kan få hjelp hos fastlegen i dag.\n")
    new = parse_page("nb", "a/index.md", "---\ntitle: A\n---\n# A\n\nAlle kan få rask hjelp hos legevakten i dag.\n")
    hunks = changes.word_diff(old, new)
    assert [(h.removed, h.added) for h in hunks] == [("fastlegen", "rask legevakten")]
    assert hunks[0].parts == (("+", "rask"), ("=", "hjelp hos"), ("-", "fastlegen"), ("+", "legevakten"))
    assert hunks[0].line == 6


def test_the_command_and_the_pull_request_summary_show_the_edited_words_for_every_language(tmp_path):
    root = repository(tmp_path)
    git(root, "checkout", "-q", "-b", "pr")
    edit(root, "Alle kan få hjelp.", "Alle kan få rask hjelp.")

    local = cli("changes", "--root", root)
    assert local.returncode == 0, local.stderr
    for locale in LOCALES:
        assert f"docs/{locale}/side/index.md: the Norwegian page docs/nb/side/index.md changed" in local.stdout
    assert local.stdout.count("Alle kan få {+rask+} hjelp.") == 3, local.stdout

    summary = cli("changes", "--root", root, "--base", "main", "--markdown")
    assert summary.returncode == 0, summary.stderr
    for name in ("English", "العربية", "Soomaali"):
        assert name in summary.stdout
    assert summary.stdout.count("<details><summary><code>docs/") == 3
    assert summary.stdout.count("Alle kan få <ins><b>rask</b></ins> hjelp.") == 3, summary.stdout


def test_a_translation_outdated_before_the_pull_request_is_not_listed_for_it(tmp_path):
    root = repository(tmp_path)
    edit(root, "Alle kan få hjelp.", "Alle kan få rask hjelp.", "on main, before the branch")
    git(root, "checkout", "-q", "-b", "pr")
    edit(root, "Dette er en kort side.", "Dette er en side.")
    summary = cli("changes", "--root", root, "--base", "main", "--markdown")
    assert "Ingen:" in summary.stdout, summary.stdout
    # Without --base, both changes since the translation are shown.
    local = cli("changes", "--root", root, "docs/en/side/index.md")
    assert "[-kort-]" in local.stdout and "{+rask+}" in local.stdout, local.stdout


def test_the_version_is_found_across_a_rename_and_a_missing_one_is_explained(tmp_path):
    root = repository(tmp_path)
    git(root, "mv", "docs/nb/side", "docs/nb/ny")
    for locale in LOCALES:
        git(root, "mv", f"docs/{locale}/side", f"docs/{locale}/ny")
    page = root / "docs" / "nb" / "ny" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("kort side", "lang side"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "rename and edit in one commit")
    site = read_site(load_config(root))
    history = History(root)
    found = changes.change_for(site, history, site.page("en", "ny/index.md"))
    assert [(h.removed, h.added) for h in found.hunks] == [("kort", "lang")]
    assert "docs/nb/side/index.md" in found.note

    # A hash no committed version has: said plainly, with what to do.
    en = root / "docs" / "en" / "ny" / "index.md"
    en.write_text(en.read_text(encoding="utf-8").replace(site.page("en", "ny/index.md").recorded_hash, "abcdefabcdef"))
    site = read_site(load_config(root))
    found = changes.change_for(site, history, site.page("en", "ny/index.md"))
    assert not found.hunks
    assert "no committed version of docs/nb/ny/index.md has the code 'abcdefabcdef'" in found.note
    assert "python -m scripts stamp docs/en/ny/index.md" in found.note


def test_an_unknown_base_is_a_clear_error(tmp_path):
    root = repository(tmp_path)
    result = cli("changes", "--root", root, "--base", "origin/nope")
    assert result.returncode == 2
    assert "--base origin/nope" in result.stderr and "fetch-depth: 0" in result.stderr


def test_a_front_matter_or_whitespace_edit_outdates_nothing_and_shows_nothing(tmp_path):
    root = repository(tmp_path)
    git(root, "checkout", "-q", "-b", "pr")
    edit(root, "description: En side som testene gir nytt navn.", "description: En annen beskrivelse.")
    edit(root, "Alle kan få hjelp.", "Alle  kan\nfå hjelp.")
    site = read_site(load_config(root))
    assert {site.state(locale, "side/index.md") for locale in LOCALES} == {"translated"}
    assert cli("changes", "--root", root).stdout.strip() == "No outdated translations."
    assert "Ingen:" in cli("changes", "--root", root, "--base", "main", "--markdown").stdout
