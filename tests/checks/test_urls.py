"""Addresses that were published keep working (scripts/checks/urls.py).

Real `mkdocs build --strict` runs of a small fixture site
(tests/fixtures/urls-site/) with the project's hooks, which write the redirect
pages of data/redirects.yml (scripts/render/redirect_pages.py), plus the
committed list of the real site's addresses.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.checks import urls as urls_check
from scripts.model.interface import read as read_interface
from scripts.model.urls import split_site_url
from scripts.tools.browser import VNU, VNU_JAVA_OPTIONS
from tests.conftest import TEST_SITE_URL, build_site
from tests.helpers import ROOT, TODAY, cli, model
from tests.helpers import problems as run_checks

FIXTURE = ROOT / "tests" / "fixtures" / "urls-site"
LANG_PREFIXES = ["", "en/", "ar/", "so/"]
# What each language's redirect page must say (overrides/partials/languages/).
LANGS = {"": ("nb", "ltr"), "en/": ("en", "ltr"), "ar/": ("ar", "rtl"), "so/": ("so", "ltr")}


def make_site(tmp_path: Path) -> Path:
    """A copy of the fixture site that builds from a temporary folder."""
    site = tmp_path / "project"
    shutil.copytree(FIXTURE, site)
    today = TODAY
    for page in (site / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = text.replace("LAST_REVIEWED", today.isoformat()).replace(
            "NEXT_REVIEW", (today + dt.timedelta(days=300)).isoformat()
        )
        page.write_text(text, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return site


def rename_page(site: Path, old: str, new: str) -> None:
    (site / "docs" / "nb" / old).rename(site / "docs" / "nb" / new)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"- {old}/index.md", f"- {new}/index.md"), encoding="utf-8"
    )
    index = site / "docs" / "nb" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(f"({old}/index.md)", f"({new}/index.md)"), encoding="utf-8"
    )


def add_redirect_line(site: Path, line: str) -> None:
    """Do what the error message says: replace the '{}' in data/redirects.yml with the line."""
    path = site / "data" / "redirects.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\n{}\n") == 1, text
    path.write_text(text.replace("\n{}\n", "\n" + line + "\n"), encoding="utf-8")


def redirect_page(site: Path, prefix: str, old: str) -> LexborHTMLParser:
    path = site / "site" / prefix / old / "index.html"
    assert path.exists(), f"no redirect page at /{prefix}{old}/"
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


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
    # The message names data/redirects.yml and its line, every lost address, and the line to add.
    match = re.search(
        r"data/redirects\.yml:(\d+): the address (.*?) was published before.*?replace "
        r"'\{\}' on line \d+ with this line: \"(.*?)\"",
        log,
    )
    assert match, log
    line_no = int(match.group(1))
    assert (site / "data" / "redirects.yml").read_text(encoding="utf-8").splitlines()[line_no - 1] == "{}"
    assert sorted(match.group(2).split(", ")) == sorted(f"/{p}side/" for p in LANG_PREFIXES)
    suggested = match.group(3)
    assert suggested == "side/index.md: ny-side/index.md"

    add_redirect_line(site, suggested)
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr

    # The old address leads to the new page in every language, in that language.
    texts = {}
    for prefix, (lang, direction) in LANGS.items():
        page = redirect_page(site, prefix, "side")
        root = page.css_first("html").attributes
        assert (root.get("lang"), root.get("dir")) == (lang, direction)
        strings = read_interface(model(site).cfg).texts_with_fallback(lang)
        assert page.css_first("title").text() == strings["site.redirect.title"]
        link = page.css_first("p a")
        assert link.attributes["href"] == "../ny-side/" and link.text() == strings["site.redirect.link"]
        assert page.css_first("p").text().startswith(strings["site.redirect.text"])
        assert page.css_first('meta[http-equiv="refresh"]').attributes["content"] == "0; url=../ny-side/"
        assert page.css_first('meta[name="robots"]').attributes["content"] == "noindex"
        assert page.css_first('link[rel="canonical"]').attributes["href"] == f"{TEST_SITE_URL}{prefix}ny-side/"
        assert (site / "site" / prefix / "ny-side" / "index.html").exists()
        texts[lang] = strings["site.redirect.title"]
    assert len(set(texts.values())) == 4, f"each language needs its own text: {texts}"
    # Redirect pages are not search results and not in the sitemap.
    assert "/side/" not in (site / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_redirect_keeps_the_anchor_and_reaches_the_home_page_in_every_language(tmp_path):
    site = make_site(tmp_path)
    add_redirect_line(site, "hvem.md: side/index.md#hvem\nhjem/index.md: index.md")
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in LANG_PREFIXES:
        assert 'url=../side/#hvem"' in (site / "site" / prefix / "hvem" / "index.html").read_text(encoding="utf-8")
        assert 'url=../"' in (site / "site" / prefix / "hjem" / "index.html").read_text(encoding="utf-8")


def _serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_browser_follows_the_redirect_with_its_fragment_in_every_language(tmp_path, browser):
    site = make_site(tmp_path)
    add_redirect_line(site, "gammel/index.md: side/index.md\nhvem.md: side/index.md#hvem")
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    server = _serve(site / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        context = browser.new_context()
        page = context.new_page()
        for prefix, (lang, _) in LANGS.items():
            # The address's own fragment is kept ...
            page.goto(f"{base}{prefix}gammel/#hvem")
            page.wait_for_url(f"{base}{prefix}side/#hvem")
            assert page.get_attribute("html", "lang") == lang
            # ... and a line's fragment is used when the address has none.
            page.goto(f"{base}{prefix}hvem/")
            page.wait_for_url(f"{base}{prefix}side/#hvem")
        # Without JavaScript the refresh still leads there.
        context.close()
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}ar/gammel/")
        page.wait_for_url(f"{base}ar/side/")
        context.close()
    finally:
        server.shutdown()


def test_redirect_pages_are_valid_html(tmp_path):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.skip("the Nu HTML Checker needs java and node_modules/vnu-jar (npm ci --ignore-scripts)")
    site = make_site(tmp_path)
    add_redirect_line(site, "gammel/index.md: side/index.md#hvem")
    assert build(site).returncode == 0
    files = [str(site / "site" / prefix / "gammel" / "index.html") for prefix in LANG_PREFIXES]
    proc = subprocess.run(
        [java, *VNU_JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}" for m in messages if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)


def test_redirect_to_a_page_that_does_not_exist_is_explained(tmp_path):
    site = make_site(tmp_path)
    rename_page(site, "side", "ny-side")
    add_redirect_line(site, "side/index.md: nyside/index.md")
    result = build(site)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    line = (site / "data" / "redirects.yml").read_text(encoding="utf-8").splitlines().index(
        "side/index.md: nyside/index.md"
    ) + 1
    assert (
        f"data/redirects.yml:{line}: the redirect 'side/index.md: nyside/index.md' "
        "leads to 'nyside/index.md', which is not a page" in log
    ), log
    assert not (site / "site" / "side" / "index.html").exists()


def test_redirect_away_from_an_existing_page_is_an_error(tmp_path):
    site = make_site(tmp_path)
    add_redirect_line(site, "side/index.md: index.md")
    result = build(site)
    assert result.returncode != 0
    assert "leads away from a page that still exists (docs/nb/side/index.md)" in result.stdout + result.stderr
    # The page itself is still there, not overwritten by a redirect.
    assert "Dette er en kort side." in (site / "site" / "en" / "side" / "index.html").read_text(encoding="utf-8")


def test_new_page_is_a_warning_in_the_build_and_an_error_in_ci(tmp_path):
    site = make_site(tmp_path)
    shutil.copytree(site / "docs" / "nb" / "side", site / "docs" / "nb" / "annen")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - side/index.md\n", "  - side/index.md\n  - annen/index.md\n"),
        encoding="utf-8",
    )
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "warning: 4 new address(es) are not in the list of published addresses yet: "
        "/annen/ /ar/annen/ /en/annen/ /so/annen/" in result.stderr
    )

    urls = ["urls", "--root", site, "--site", site / "site"]
    strict = cli(*urls, "--require-listed")
    assert strict.returncode == 1
    assert "data/published-urls.txt:1: 4 new address(es)" in strict.stderr
    # The editors' fast check sees the new page before any build, as a warning.
    quick = cli("check", "--root", site)
    assert quick.returncode == 0 and "published-urls" not in quick.stderr

    update = cli(*urls, "--update")
    assert update.returncode == 0, update.stderr
    listed = (site / "data" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    assert listed == sorted(listed) and "/so/annen/" in listed and "/side/" in listed
    again = cli(*urls, "--require-listed")
    assert again.returncode == 0, again.stderr


def test_update_refuses_to_forget_an_address(tmp_path):
    site = make_site(tmp_path)
    assert build(site).returncode == 0
    shutil.rmtree(site / "site" / "en" / "side")  # as if the page had gone
    before = (site / "data" / "published-urls.txt").read_text(encoding="utf-8")
    result = cli("urls", "--root", site, "--site", site / "site", "--update")
    assert result.returncode == 1
    assert "/en/side/ was published before" in result.stderr
    assert (site / "data" / "published-urls.txt").read_text(encoding="utf-8") == before


def test_committed_list_matches_the_real_site(built_site, site_config):
    """Every address in data/published-urls.txt is still produced (or redirected)."""
    listed = model().published
    assert listed == sorted(listed), "data/published-urls.txt must be sorted"
    assert "/" in listed and all(f"/{lang.locale}/" in listed for lang in site_config.languages if not lang.default)
    errors = [p for p in run_checks(ROOT, "published", site=built_site) if p.is_error]
    assert not errors, "\n".join(map(str, errors))


def test_a_deleted_page_is_caught_before_the_build(tmp_path):
    site = make_site(tmp_path)
    rename_page(site, "side", "ny-side")
    messages = [str(p) for p in run_checks(site, "urls") if p.is_error]
    assert (
        len(messages) == 1 and "the address /ar/side/, /en/side/, /so/side/, /side/ was published before" in messages[0]
    ), messages
    assert '"side/index.md: ny-side/index.md"' in messages[0]


def _with_redirects(tmp_path: Path, text: str) -> Path:
    site = make_site(tmp_path)
    (site / "data" / "redirects.yml").write_text(text, encoding="utf-8")
    return site


def test_unreadable_redirect_lines_are_named_by_line(tmp_path):
    site = _with_redirects(
        tmp_path,
        "# comment\nside/index.md: index.md\nside/index.md: ny/index.md\nliste:\n  - a\ngammel: side/index.md\n",
    )
    messages = [str(p) for p in urls_check.redirect_problems(model(site))]
    assert (
        "data/redirects.yml:3: 'side/index.md' already has a redirect on line 2. Keep only one of the two lines."
        in messages
    )
    assert any(m.startswith("data/redirects.yml:4: this line is not one redirect.") for m in messages), messages
    assert any(
        m.startswith(
            "data/redirects.yml:6: the redirect 'gammel: side/index.md' starts with 'gammel', "
            "which is not the path of an old page."
        )
        for m in messages
    ), messages

    site = _with_redirects(tmp_path / "b", "{}\nside/index.md: [\n")
    [problem] = urls_check.redirect_problems(model(site))
    assert str(problem).startswith("data/redirects.yml:") and "not valid YAML" in str(problem)


def test_missing_address_message_when_the_file_already_has_lines(tmp_path):
    site = _with_redirects(tmp_path, "# Old addresses\ngammel/index.md: side/index.md\n")
    built = tmp_path / "built"
    for prefix in LANG_PREFIXES:  # every home page, but no /side/ any more
        (built / prefix).mkdir(parents=True, exist_ok=True)
        (built / prefix / "index.html").write_text("<!doctype html>", encoding="utf-8")
    messages = [str(p) for p in urls_check.check_built(model(site, site=built)) if p.is_error]
    assert len(messages) == 1 and messages[0].startswith(
        "data/redirects.yml:2: the address /ar/side/, /en/side/, /so/side/, /side/ was published before"
    ), messages
    assert (
        'add this line at the end of data/redirects.yml: "side/index.md: NY-SIDE/index.md" (replace NY-SIDE'
        in messages[0]
    )


def test_redirects_module_lists_the_redirects(tmp_path):
    site = make_site(tmp_path)
    add_redirect_line(site, "gammel/index.md: side/index.md#hvem")
    result = cli("redirects", "--root", site)
    assert result.returncode == 0, result.stderr
    assert "data/redirects.yml:2: /en/gammel/ -> /en/side/#hvem" in result.stdout.splitlines()


def test_help():
    result = cli("urls", "--help")
    assert result.returncode == 0 and "--update" in result.stdout
    result = cli("redirects", "--help")
    assert result.returncode == 0 and "data/redirects.yml" in result.stdout


def test_fixture_list_names_every_language_of_the_fixture():
    cfg = model(FIXTURE).cfg
    listed = model(FIXTURE).published
    assert {split_site_url(cfg, url)[0] for url in listed} == {lang.locale for lang in cfg.languages}
