"""Addresses that were published keep working (scripts/check_urls.py).

Real `mkdocs build --strict` runs of a small fixture site
(tests/fixtures/urls-site/) with the project's hooks and the mkdocs-redirects
plugin, plus the committed list of the real site's addresses.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_site
from scripts import check_urls
from scripts.site_config import load_config

FIXTURE = ROOT / "tests" / "fixtures" / "urls-site"
LANG_PREFIXES = ["", "en/", "ar/", "so/"]


def make_site(tmp_path: Path) -> Path:
    """A copy of the fixture site that builds from a temporary folder."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURE, site)
    today = dt.date.today()
    for page in (site / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = text.replace("LAST_REVIEWED", today.isoformat()).replace("NEXT_REVIEW", (today + dt.timedelta(days=300)).isoformat())
        page.write_text(text, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return site


def rename_page(site: Path, old: str, new: str) -> None:
    (site / "docs" / "nb" / old).rename(site / "docs" / "nb" / new)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"- {old}/index.md", f"- {new}/index.md"), encoding="utf-8")
    index = site / "docs" / "nb" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(f"({old}/index.md)", f"({new}/index.md)"), encoding="utf-8")


def add_redirect_line(site: Path, line: str) -> None:
    """Do what the error message says: the exact line under redirect_maps."""
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text
    config.write_text(text.replace("redirect_maps: {}", "redirect_maps:\n" + line), encoding="utf-8")


def build(site: Path) -> subprocess.CompletedProcess:
    return build_site(site, site / "site")


def test_unchanged_fixture_builds_cleanly(tmp_path):
    site = make_site(tmp_path)
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "published before" not in result.stderr


def test_renamed_page_without_redirect_fails_and_the_suggested_line_fixes_it(tmp_path):
    site = make_site(tmp_path)
    rename_page(site, "side", "ny-side")

    result = build(site)
    log = result.stdout + result.stderr
    assert result.returncode != 0, "renaming a published page without a redirect must fail the build"
    # The message names mkdocs.yml and its line, every lost address, and the line to add.
    match = re.search(r"mkdocs\.yml:(\d+): the address (.*?) was published before.*?add this line under.*?\"(.*?)\"", log)
    assert match, log
    line_no = int(match.group(1))
    assert "redirect_maps" in (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()[line_no - 1]
    assert sorted(match.group(2).split(", ")) == sorted(f"/{p}side/" for p in LANG_PREFIXES)
    suggested = match.group(3)
    assert suggested.strip() == "side/index.md: ny-side/index.md"

    add_redirect_line(site, suggested)
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr

    # The old address leads to the new page in every language, not only Norwegian.
    for prefix in LANG_PREFIXES:
        old = site / "site" / prefix / "side" / "index.html"
        assert old.exists(), f"no redirect page at /{prefix}side/"
        html = old.read_text(encoding="utf-8")
        assert 'content="0; url=../ny-side/"' in html, html
        assert (site / "site" / prefix / "ny-side" / "index.html").exists()


def test_redirect_keeps_the_anchor_and_reaches_the_home_page_in_every_language(tmp_path):
    site = make_site(tmp_path)
    add_redirect_line(site, "        hvem.md: side/index.md#hvem\n        hjem/index.md: index.md")
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in LANG_PREFIXES:
        assert 'url=../side/#hvem"' in (site / "site" / prefix / "hvem" / "index.html").read_text(encoding="utf-8")
        assert 'url=../"' in (site / "site" / prefix / "hjem" / "index.html").read_text(encoding="utf-8")


def test_redirect_to_a_page_that_does_not_exist_is_explained(tmp_path):
    site = make_site(tmp_path)
    rename_page(site, "side", "ny-side")
    add_redirect_line(site, "        side/index.md: nyside/index.md")
    result = build(site)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+: the redirect 'side/index.md: nyside/index.md' leads to 'nyside/index.md', which is not a page", log), log


def test_redirect_away_from_an_existing_page_is_an_error(tmp_path):
    site = make_site(tmp_path)
    add_redirect_line(site, "        side/index.md: index.md")
    result = build(site)
    assert result.returncode != 0
    assert "leads away from a page that still exists (docs/nb/side/index.md)" in result.stdout + result.stderr


def test_new_page_is_a_warning_in_the_build_and_an_error_in_ci(tmp_path):
    site = make_site(tmp_path)
    shutil.copytree(site / "docs" / "nb" / "side", site / "docs" / "nb" / "annen")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - side/index.md\n", "  - side/index.md\n  - annen/index.md\n"), encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: 4 new address(es) are not in the list of published addresses yet: /annen/ /ar/annen/ /en/annen/ /so/annen/" in result.stderr

    cli = [sys.executable, "-m", "scripts.check_urls", "--root", str(site), "--site", str(site / "site")]
    strict = subprocess.run([*cli, "--require-listed"], cwd=ROOT, capture_output=True, text=True)
    assert strict.returncode == 1
    assert "data/published-urls.txt:1: 4 new address(es)" in strict.stderr

    update = subprocess.run([*cli, "--update"], cwd=ROOT, capture_output=True, text=True)
    assert update.returncode == 0, update.stderr
    listed = (site / "data" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert listed == sorted(listed) and "/so/annen/" in listed and "/side/" in listed
    again = subprocess.run([*cli, "--require-listed"], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr


def test_update_refuses_to_forget_an_address(tmp_path):
    site = make_site(tmp_path)
    assert build(site).returncode == 0
    shutil.rmtree(site / "site" / "en" / "side")  # as if the page had gone
    before = (site / "data" / "published-urls.txt").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/check_urls.py", "--root", str(site), "--site", str(site / "site"), "--update"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "/en/side/ was published before" in result.stderr
    assert (site / "data" / "published-urls.txt").read_text(encoding="utf-8") == before


def test_committed_list_matches_the_real_site(built_site, site_config):
    """Every address in data/published-urls.txt is still produced (or redirected)."""
    listed = check_urls.read_list(site_config)
    assert listed == sorted(listed), "data/published-urls.txt must be sorted"
    assert "/" in listed and all(f"/{lang.locale}/" in listed for lang in site_config.languages if not lang.default)
    errors = [p for p in check_urls.check(site_config, built_site) if p.severity == "error"]
    assert not errors, "\n".join(map(str, errors))


def test_help_runs_both_ways():
    for cmd in ([sys.executable, "-m", "scripts.check_urls", "--help"], [sys.executable, "scripts/check_urls.py", "--help"]):
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0 and "--update" in result.stdout


def test_fixture_list_names_every_language_of_the_fixture():
    cfg = load_config(FIXTURE)
    listed = check_urls.read_list(cfg)
    assert {check_urls.split_url(cfg, url)[0] for url in listed} == {lang.locale for lang in cfg.languages}

