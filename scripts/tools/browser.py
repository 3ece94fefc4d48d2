"""Open the built site in Debian's headless Chromium, as a reader would.

Shared by the browser tests (tests/test_search.py, tests/test_accessibility.py,
tests/test_reader_budget.py) and scripts/tools/benchmark_reader.py:

* `launch()` starts Debian's Chromium through Playwright (never a browser
  Playwright downloads itself);
* `site_urls()` lists every page of every language from the site's
  sitemap.xml, plus each language's not-found page;
* `first_views()` loads pages as first visits (nothing cached) and adds up
  what each transferred, gzip-compressed as GitHub Pages serves it;
* `search_download()` does the same for one search: what the reader's
  browser fetches to show the results of one query (the search panel's
  script, then Pagefind's from /pagefind/).

    python -m scripts.tools.browser --site site    # list the URLs the tests visit
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# Debian's chromium-headless-shell: Chromium's own engine (same source and
# version as the chromium package) without the browser around it. The test
# suite's browser work takes about a third less CPU in it than in the full
# browser's headless mode (issue 14, 2026-12-01). Where it is not installed
# (GitHub's Ubuntu runner, which links its own Chrome at /usr/bin/chromium),
# the full browser runs headless.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
FULL_BROWSER = "/usr/bin/chromium"
CHROMIUM = HEADLESS_SHELL if Path(HEADLESS_SHELL).exists() else FULL_BROWSER
# The browser must not talk to anyone but the site under test. Flags alone do
# not get there: Chromium 156 still checks for component updates
# (update.googleapis.com) despite --disable-component-update, lists Google
# accounts (accounts.google.com/ListAccounts) for every profile, and asks the
# autofill server about forms (content-autofill.googleapis.com). So:
# * the usual quiet flags (no first run, sync, extensions, pings, ...);
# * features that phone home turned off. Chromium keeps only the last
#   --disable-features, so this list repeats the one Playwright passes;
# * the host resolver answers "not found" for every host but the loopback
#   address, so whatever Chromium still starts fails inside the browser:
#   no DNS query and no connection leaves the machine
#   (tests/test_reader_phone.py checks this in Chromium's own network log).
DISABLED_FEATURES = [
    # Playwright's own list (playwright 1.65):
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    # Ours: services that send page or browser data to Google.
    "AutofillServerCommunication",
    "Translate",
    "CertificateTransparencyComponentUpdater",
    "InterestFeedContentSuggestions",
    "OptimizationGuideModelDownloading",
    "DialMediaRouteProvider",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # V8 without its optimizing compiler: the tests' pages live for a second
    # or two, too short for optimized code to pay back compiling it on other
    # threads (axe-core runs take about a tenth less CPU). Only speed changes.
    "--js-flags=--no-opt",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-component-extensions-with-background-pages",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--no-pings",
    "--metrics-recording-only",
    "--safebrowsing-disable-auto-update",
    "--disable-features=" + ",".join(DISABLED_FEATURES),
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
ROOT = Path(__file__).resolve().parent.parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A check of the whole site is one short Java run: the quick compiler only and
# one garbage-collector thread do it with less than half the CPU (and the
# same messages). The quick compiler's frames are larger, so the checker's
# deep recursion needs a bigger stack than Java's default.
VNU_JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


_SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_paths(site_dir: Path) -> list[str]:
    """Site-relative paths ('', 'ar/tolk/', ...) of every page in every language."""
    tree = ET.parse(site_dir / "sitemap.xml")
    urls = [loc.text for loc in tree.findall(".//s:loc", _SITEMAP_NS)]
    urls += [link.get("href") for link in tree.findall(".//x:link", _SITEMAP_NS)]
    # The shortest path is the site's root (the default language's home).
    base = min((urlsplit(u).path for u in urls), key=len, default="/")
    paths = {urlsplit(u).path[len(base) :] for u in urls}
    return sorted(paths, key=lambda p: (p.count("/"), p))


def not_found_paths(site_dir: Path) -> list[str]:
    """A missing URL in each language folder: each gets the root 404 page."""
    langs = sorted(p.parent.name for p in site_dir.glob("*/404.html"))
    return ["finnes-ikke/"] + [f"{lang}/finnes-ikke/" for lang in langs]


def site_urls(site_dir: Path, base_url: str) -> list[str]:
    return [base_url + p for p in sitemap_paths(site_dir) + not_found_paths(site_dir)]


@dataclass
class FirstView:
    url: str
    requests: list[tuple[str, int, int]] = field(default_factory=list)  # (url, raw bytes, gzip bytes)
    other_hosts: list[str] = field(default_factory=list)

    @property
    def gzip_bytes(self) -> int:
        return sum(g for _, _, g in self.requests)

    @property
    def raw_bytes(self) -> int:
        return sum(r for _, r, _ in self.requests)


def gzip_size(body: bytes) -> int:
    # GitHub Pages compresses text with gzip; images and WebAssembly count as
    # sent. Level 6 is what common servers use.
    return len(gzip.compress(body, compresslevel=6, mtime=0))


# The search panel's status shows the result count once Pagefind has answered.
SEARCH_DONE = (
    "() => { const s = document.querySelector('.site-search__status').textContent;"
    " return s && s !== document.getElementById('site-search').dataset.loading; }"
)


class RequestsInFlight:
    """The requests a page has started and not finished, so a test can wait
    until nothing is still arriving instead of waiting a fixed time."""

    def __init__(self, page):
        self.page = page
        self.pending: set = set()
        page.on("request", lambda request: self.pending.add(request))
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on("requestfailed", lambda request: self.pending.discard(request))

    def wait_until_none(self, timeout: int = 10000) -> None:
        # Playwright delivers events while it waits, so a request that ends
        # after this check still wakes the wait below.
        while self.pending:
            self.page.wait_for_event("requestfinished", timeout=timeout)


def search(page, query: str, timeout: int = 20000) -> None:
    """Open the search panel (if closed), type `query` and wait for the answer, as a reader would."""
    if page.locator("#site-search").is_hidden():
        page.click(".site-search__toggle")
    page.fill("#site-search-input", query)
    page.wait_for_function(SEARCH_DONE, timeout=timeout)


@dataclass
class SearchDownload:
    query: str
    requests: list[tuple[str, int]] = field(default_factory=list)  # (url, bytes as sent)
    shown: int = 0  # results on screen
    status: str = ""  # the panel's status line ("7 pages match your search.")

    @property
    def bytes(self) -> int:
        return sum(b for _, b in self.requests)


def sent_size(url: str, body: bytes) -> int:
    """Bytes a file fetched for a search costs: Pagefind's WebAssembly
    (.pagefind) and index files (.pf_*) are gzip-compressed by Pagefind
    already; the rest is text GitHub Pages compresses."""
    return len(body) if re.search(r"\.(pagefind|pf_\w+)$", url.split("?")[0]) else gzip_size(body)


def search_download(browser, page_url: str, query: str, viewport: dict = PHONE) -> SearchDownload:
    """Open `page_url` in a fresh context (empty cache), search for `query` as
    a reader would, and record what the search fetched."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(page_url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    responses = []
    # Everything fetched from the reader's click on: the search panel's own
    # script (site-search.js) and Pagefind's files; not the tab's icon.
    page.on("response", lambda r: r.request.resource_type != "other" and responses.append(r))
    in_flight = RequestsInFlight(page)
    search(page, query)
    in_flight.wait_until_none()  # anything still arriving for these results
    found = SearchDownload(query)
    found.shown = page.locator(".site-search__results li").count()
    found.status = page.inner_text(".site-search__status")
    for response in responses:
        try:
            body = response.body()
        except Exception:  # an aborted request has no body
            body = b""
        found.requests.append((response.url, sent_size(response.url, body)))
    context.close()
    return found


def first_views(browser, urls: list[str], viewport: dict = PHONE) -> Iterator[FirstView]:
    """Load each of `urls` as a first visit (nothing cached) and record every request.

    One context and one tab for all of them, with the browser's cache turned
    off (as "Disable cache" in the developer tools): each page fetches all it
    uses again, as on a first visit, without a new context per page. A file
    that every page loads (the stylesheet, site.js) is read and compressed
    once per run."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, tuple[int, int]] = {}  # url -> (raw, gzip), for files shared by pages
    responses: list = []
    requested: list[str] = []
    page.on("response", lambda response: responses.append(response))
    page.on("request", lambda request: requested.append(request.url))
    try:
        for url in urls:
            responses.clear()
            requested.clear()
            page.goto(url, wait_until="load")
            # Fonts can load after the load event; scripts cannot (they are not async).
            page.evaluate("document.fonts.ready.then(() => true)")
            view = FirstView(url)
            host = urlsplit(url).netloc
            view.other_hosts = [
                u for u in requested if urlsplit(u).netloc not in (host, "") and not u.startswith("data:")
            ]
            for response in responses:
                # The tab's icon ("other") is fetched at the browser's own time,
                # sometimes after the next page has started: not part of the
                # first view (the page's HTML and the CSS, JavaScript and fonts
                # it loads).
                if response.url.startswith("data:") or response.request.resource_type == "other":
                    continue
                if response.url not in sizes or response.url == url:
                    try:
                        body = response.body()
                    except Exception:  # a redirect or an aborted request has no body
                        body = b""
                    sizes[response.url] = (len(body), gzip_size(body))
                view.requests.append((response.url, *sizes[response.url]))
            yield view
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--base", default="http://127.0.0.1:8000/")
    args = parser.parse_args(argv)
    for url in site_urls(args.site, args.base):
        print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
