"""Built-HTML link check: a fixture site with broken links in raw HTML and a
template (built with the real mkdocs), and the real site (clean, and with a
page removed so the language selector breaks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.checks import links
from tests.helpers import FIXTURES, cli, model

FIXTURE = FIXTURES / "link-site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("links") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=FIXTURE,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_broken_links_in_raw_html_and_templates(fixture_site):
    problems = sorted(str(p) for p in links.check(model(FIXTURE, site=fixture_site)))
    assert problems == [
        f'{fixture_site}/en/index.html: the link "../retired-page/" goes to a page '
        "or file that does not exist on the site (retired-page/), and the same in "
        "3 other built pages. It comes from a template (overrides/), the navigation "
        "or mkdocs.yml rather than from one page's text. Correct the link, or create "
        "the page it points to.",
        'docs/nb/other/index.md:5: the link "../missing-page/" goes to a page or '
        "file that does not exist on the site (en/missing-page/) (in the built page "
        f"{fixture_site}/en/other/index.html and 1 more). Correct the link, or create "
        "the page it points to.",
        'docs/nb/other/index.md:7: the link "../#nowhere" goes to a heading that '
        f'does not exist ("#nowhere" on en/) (in the built page {fixture_site}/en/other/index.html '
        f"and 1 more). Correct the link, or give the heading that id ({{#nowhere}}).",
    ]


def test_command_line(fixture_site):
    result = cli("links", "--root", FIXTURE, "--site", fixture_site)
    assert result.returncode == 1
    assert "3 broken internal link(s)" in result.stderr
    assert cli("links", "--help").returncode == 0


def test_real_site_links_are_all_good(built_site, site_config):
    assert [str(p) for p in links.check(model(site=built_site))] == []


def test_language_selector_and_navigation_links_are_checked(built_site, site_config, tmp_path):
    # Remove one translated-language page: the links to it from the language
    # selector and <link rel=alternate> of the other languages must be reported.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "so" / "tolk")
    messages = [str(p) for p in links.check(model(site=site))]
    selector = [m for m in messages if "(so/tolk/), and the same in" in m and "It comes from a template" in m]
    assert len(selector) == 1, messages
    assert selector[0].startswith(f"{site}/")


def test_external_links_are_collected_not_fetched(built_site):
    found = links.external_links(model(site=built_site))
    assert any(url.startswith("https://lovdata.no/") for url in found)
    assert all(not url.startswith("https://example.org/parorende/") for url in found)


def test_a_broken_link_on_the_guides_pages_is_reported_at_its_item(built_site, tmp_path):
    # The guide's pages are written from data/veiviser.yml: a link to a page
    # that is gone is one message at the item's section, not one per page.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "en" / "klage")
    guide = model().guide
    line = next(item.raw.line_of("section") for item in guide.items if item.id == "klage")
    found = [str(p) for p in links.check(model(site=site)) if str(p).startswith("data/veiviser.yml")]
    assert len(found) == 1, found
    assert found[0].startswith(f'data/veiviser.yml:{line}: the link "klage/#frister" goes to a page')
