"""Built-HTML link check: a fixture site with broken links in raw HTML and a
template (built with the real mkdocs), the real site (clean, and with a page
removed so the language selector breaks), and --external with the real
linkchecker against a local web server."""

from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from scripts import check_links
from scripts.site_config import load_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "link-site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("links") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
        cwd=FIXTURE, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_broken_links_in_raw_html_and_templates(fixture_site):
    problems = sorted(str(p) for p in check_links.check_site(load_config(FIXTURE), fixture_site))
    assert problems == [
        f'{fixture_site}/en/index.html: the link "../retired-page/" goes to a page or file that does not exist on the site (retired-page/), and the same in 3 other built pages. It comes from a template (overrides/), the navigation or mkdocs.yml rather than from one page\'s text. Correct the link, or create the page it points to.',
        f'docs/nb/other/index.md:5: the link "../missing-page/" goes to a page or file that does not exist on the site (en/missing-page/) (in the built page {fixture_site}/en/other/index.html and 1 more). Correct the link, or create the page it points to.',
        f'docs/nb/other/index.md:7: the link "../#nowhere" goes to a heading that does not exist ("#nowhere" on en/) (in the built page {fixture_site}/en/other/index.html and 1 more). Correct the link, or give the heading that id ({{#nowhere}}).',
    ]


def test_command_line(fixture_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_links.py"), "--root", str(FIXTURE), str(fixture_site)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "3 broken internal link(s)" in result.stderr
    assert subprocess.run([sys.executable, "-m", "scripts.check_links", "--help"], cwd=ROOT, capture_output=True).returncode == 0


def test_real_site_links_are_all_good(built_site, site_config):
    assert [str(p) for p in check_links.check_site(site_config, built_site)] == []


def test_language_selector_and_navigation_links_are_checked(built_site, site_config, tmp_path):
    # Remove one translated-language page: the links to it from the language
    # selector and <link rel=alternate> of the other languages must be reported.
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.rmtree(site / "so" / "tolk")
    messages = [str(p) for p in check_links.check_site(site_config, site)]
    selector = [m for m in messages if "(so/tolk/), and the same in" in m and "It comes from a template" in m]
    assert len(selector) == 1, messages
    assert selector[0].startswith(f"{site}/")


def test_external_links_are_collected_not_fetched(built_site):
    links = check_links.external_links(built_site)
    assert any(url.startswith("https://lovdata.no/") for url in links)
    assert all(not url.startswith("https://example.org/parorende/") for url in links)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        body = b"<!doctype html><title>t</title>"
        self.send_response(200 if self.path in ("/ok", "/slow") else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_external_check_with_linkchecker(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/parorende/">'
        + "".join(f'<a href="{base}/{name}">{name}</a>' for name in ("ok", "dead", "moved", "slow")),
        encoding="utf-8",
    )
    args = [sys.executable, "-m", "scripts.check_links", str(site), "--external", "--report-dir", str(tmp_path / "report"),
            "--cache", str(tmp_path / "cache.json"), "--slow", "2", "--retries", "1", "--timeout", "10"]
    try:
        first = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        second = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    finally:
        server.shutdown()
    assert first.returncode == 0, first.stderr  # a dead external link never fails the run
    with open(tmp_path / "report/external-links.csv", encoding="utf-8") as fh:
        states = {row["url"].rsplit("/", 1)[1]: row for row in csv.DictReader(fh)}
    assert {name: row["state"] for name, row in states.items()} == {"ok": "ok", "dead": "dead", "moved": "redirected", "slow": "slow"}
    assert states["moved"]["final_url"] == f"{base}/ok"
    assert states["dead"]["pages"] == "index.html"
    assert "4 addresses: 4 checked now, 0 from the cache." in first.stdout
    # good results are reused from the cache; the dead one is checked again
    assert "4 addresses: 1 checked now, 3 from the cache." in second.stdout
    report = json.loads((tmp_path / "report/external-links.json").read_text())
    assert [r["url"] for r in report["links"] if r["state"] == "dead"] == [f"{base}/dead"]
    assert f"- <{base}/dead> – 404" in (tmp_path / "report/external-links.md").read_text()
