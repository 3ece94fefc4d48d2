"""Reader experience benchmark: what a reader's phone downloads, and Lighthouse.

    python -m scripts.tools.benchmark_reader                 # build, measure, print
    python -m scripts.tools.benchmark_reader --write         # ... and update BENCHMARKS.md
    python -m scripts.tools.benchmark_reader --site site     # measure a site already built

Measures, on the real site built with `mkdocs build` and served under a
subpath on 127.0.0.1, in Debian's headless Chromium:

* first view of every page in every language with an empty cache: bytes
  transferred (each response gzip-compressed, as GitHub Pages sends it: the
  HTML, the one pruned stylesheet of scripts/render/css_prune.py and the
  scripts it loads; the tab's icon, which the browser fetches at its own
  time, is not counted) and requests to other hosts (the budget is 25 KB
  and none);
* search: the bytes a reader downloads to get the first results for typical
  queries in each language (Pagefind's script, WebAssembly, this language's
  index chunks and the shown results' fragments); a one-word search has a
  budget of 120 KB;
* Lighthouse 12 (npm, mobile profile, Debian's Chromium) on the home page and
  one content page in each language: performance, accessibility, best
  practices and SEO.

Writes its own section, "## Reader experience", in BENCHMARKS.md; other
sections of that file belong to other benchmarks and are kept.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from scripts.tools.benchmark import update_sections
from scripts.tools.browser import CHROMIUM, LIGHTHOUSE, first_views, launch, search_download, sitemap_paths

ROOT = Path(__file__).resolve().parent.parent.parent
SUBPATH = "/parorende/"
BUDGET_BYTES = 25 * 1024
# What a one-word search may download, everything fetched from the click on counted
# (issue 14): tests/browser/test_search.py holds every language to it.
SEARCH_BUDGET_BYTES = 120 * 1024
SECTION = "## Reader experience"
LIGHTHOUSE_RUN = ROOT / "scripts" / "tools" / "lighthouse_run.mjs"
LIGHTHOUSE_CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Queries a reader might type in each language; the first is one word, the
# one the search budget is about (the Norwegian one is inflected on purpose:
# the index stems it). Two-word queries load one index chunk per word.
QUERIES = {
    "nb": ("pleiepengene",),
    "en": ("benefit", "care benefit"),
    "ar": ("الرعاية",),
    "so": ("daryeelka", "lacagta daryeelka"),
}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages sends them: text gzip-compressed when the
    browser accepts it (Lighthouse's performance score counts the bytes on
    the wire, so an uncompressed server would understate it)."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.suffix in self.COMPRESSED and path.is_file()):
            return super().send_head()  # other files, redirects to a folder's address, not found
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site_dir: Path):
    """Serve `site_dir` at http://127.0.0.1:PORT/parorende/."""
    webroot = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    shutil.copytree(site_dir, webroot / SUBPATH.strip("/"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(webroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        shutil.rmtree(webroot, ignore_errors=True)


def build(site_dir: Path) -> None:
    env = dict(
        os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=f"https://example.org{SUBPATH}"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True
    )


def lighthouse(url: str, out_dir: Path, categories: tuple[str, ...] = LIGHTHOUSE_CATEGORIES) -> dict[str, int]:
    """Lighthouse category scores (0-100) of `categories`, mobile profile, in
    the tests' Chromium (scripts/tools/lighthouse_run.mjs runs it)."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is missing: run `npm ci --ignore-scripts`")
    out_dir.mkdir(parents=True, exist_ok=True)
    report = out_dir / ((re.sub(r"[^a-z0-9]+", "-", url.split(SUBPATH, 1)[-1].lower()).strip("-") or "home") + ".json")
    settings: dict = {}
    if "performance" not in categories:
        # Without performance nothing depends on timing: no pauses after the
        # load for the network and CPU to go quiet, and no screenshot of the
        # whole page (about 4 of Lighthouse's 7 seconds here).
        quiet = ("pauseAfterFcpMs", "pauseAfterLoadMs", "networkQuietThresholdMs", "cpuQuietThresholdMs")
        settings = {**dict.fromkeys(quiet, 0), "disableFullPageScreenshot": True}
    options = out_dir / f"{report.stem}-settings.json"
    options.write_text(
        json.dumps(
            {
                "url": url,
                "report": str(report),
                "chrome": CHROMIUM,
                "chromeFlags": LIGHTHOUSE_CHROME_FLAGS,
                "onlyCategories": list(categories),
                "settings": settings,
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        ["node", str(LIGHTHOUSE_RUN), str(options)], cwd=ROOT, capture_output=True, text=True, timeout=240
    )
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(cat["score"] * 100) for name, cat in data["categories"].items() if cat["score"] is not None}


def lighthouse_pages(site_dir: Path, languages: list[str], default: str) -> list[str]:
    """The home page and one content page (translated if possible) per language."""
    pages = []
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        folder = site_dir / prefix if prefix else site_dir
        content = next(
            (
                f"{prefix}{name}/"
                for name in ("arbeid-og-penger", "rettigheter", "tolk")
                if (folder / name / "index.html").exists()
                and "data-pagefind-body" in (folder / name / "index.html").read_text(encoding="utf-8")
            ),
            f"{prefix}rettigheter/",
        )
        pages += [prefix, content]
    return pages


def measure(site_dir: Path, with_lighthouse: bool = True) -> dict:
    from playwright.sync_api import sync_playwright

    from scripts.model.config import load_config

    cfg = load_config(ROOT)
    languages = [lang.locale for lang in cfg.languages]
    results: dict = {"pages": {}, "search": {}, "lighthouse": {}}
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        paths = sitemap_paths(site_dir)
        for path, view in zip(paths, first_views(browser, [base + p for p in paths])):
            results["pages"][path] = {
                "gzip": view.gzip_bytes,
                "raw": view.raw_bytes,
                "requests": len(view.requests),
                "other_hosts": view.other_hosts,
            }
        for lang in languages:
            prefix = "" if lang == cfg.default_locale else f"{lang}/"
            results["search"][lang] = []
            for query in QUERIES.get(lang, ("NAV",)):
                found = search_download(browser, base + prefix, query)
                results["search"][lang].append({"query": query, "gzip": found.bytes, "results": found.shown})
        browser.close()
        if with_lighthouse:
            out = ROOT / "test-artifacts" / "lighthouse"
            for path in lighthouse_pages(site_dir, languages, cfg.default_locale):
                results["lighthouse"][path] = lighthouse(base + path, out)
    return results


def render(results: dict) -> str:
    pages = results["pages"]
    sizes = [p["gzip"] for p in pages.values()]
    worst = max(pages.items(), key=lambda kv: kv[1]["gzip"])
    lines = [
        SECTION,
        "",
        "Measured by `python -m scripts.tools.benchmark_reader --write` (headless Debian chromium,",
        "phone viewport 360×740, empty cache, site served under `/parorende/`; bytes are each",
        "response gzip-compressed at level 6, as GitHub Pages sends text).",
        "",
        f"First view of a page, all {len(pages)} pages of all languages: median "
        f"{statistics.median(sizes) / 1024:.1f} KB, largest {worst[1]['gzip'] / 1024:.1f} KB (`/{worst[0]}`); "
        f"budget {BUDGET_BYTES // 1024} KB. Requests to other hosts: "
        f"{sum(len(p['other_hosts']) for p in pages.values())}. The search index is not loaded on first view.",
        "",
        "| page | requests | transferred (gzip) | uncompressed |",
        "|---|---:|---:|---:|",
    ]
    for path, p in sorted(pages.items(), key=lambda kv: -kv[1]["gzip"])[:8]:
        lines.append(f"| `/{path}` | {p['requests']} | {p['gzip'] / 1024:.1f} KB | {p['raw'] / 1024:.1f} KB |")
    lines += [
        "",
        "Search: what a reader downloads from the click on the search button to the first results of",
        "a query (the search panel's script, then Pagefind, own language only; results are shown five",
        f"at a time). Budget for a one-word search: {SEARCH_BUDGET_BYTES // 1024} KB.",
        "",
        "| language | query | results shown | downloaded |",
        "|---|---|---:|---:|",
    ]
    for lang, searches in results["search"].items():
        for s in searches:
            lines.append(f"| {lang} | {s['query']} | {s['results']} | {s['gzip'] / 1024:.1f} KB |")
    if results["lighthouse"]:
        lines += [
            "",
            "Lighthouse 12.8.2, mobile profile (simulated slow 4G, mid-range phone), the site served "
            "gzip-compressed as GitHub Pages serves it:",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "|---|---:|---:|---:|---:|",
        ]
        for path, s in results["lighthouse"].items():
            lines.append(
                f"| `/{path}` | {s.get('performance', '–')} | {s.get('accessibility', '–')} "
                f"| {s.get('best-practices', '–')} | {s.get('seo', '–')} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site already built with SITE_URL=https://example.org/parorende/")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 30 s per page)")
    parser.add_argument("--write", action="store_true", help="update the section in BENCHMARKS.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        results = measure(site, with_lighthouse=not args.no_lighthouse)
    text = render(results)
    print(text)
    if args.write:
        update_sections(ROOT / "BENCHMARKS.md", text)
    over = [p for p, r in results["pages"].items() if r["gzip"] > BUDGET_BYTES or r["other_hosts"]]
    over += [
        f"search {lang} {s['query']}"
        for lang, searches in results["search"].items()
        for s in searches
        if " " not in s["query"] and s["gzip"] > SEARCH_BUDGET_BYTES
    ]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
