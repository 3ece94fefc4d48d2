"""Links in the built site.

    python -m scripts.check_links site                # internal links and #anchors (every build does this)
    python -m scripts.check_links site --list-external  # the external addresses, with the pages that use them
    python -m scripts.check_links site --external     # check external addresses with linkchecker (slow; never in a build)

Internal: every href/src in every built HTML page of every language (Markdown
links, navigation, language selector, templates, raw HTML) must lead to a
file of the site, and every #anchor to an id on the target page. A dead
internal link is an error. The not-found pages (404.html) are left out: they
are served at any address, so their links are written for that.

External (--external): runs linkchecker on every external address of the
site, with a timeout and retries, reuses results younger than --max-age from
a cache file, and writes a report of dead, redirected and slow links with the
pages that use them (Markdown, CSV and JSON in --report-dir). A failing
external site never fails a build or a pull request (exit status 0 unless
--fail-on-dead).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.site_config import Problem, SiteConfig, load_config, print_problems

LINK_SELECTOR = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], audio[src], video[src], [srcset]"
# A broken link that shows up on more pages than this is reported once, as a
# template problem, instead of once per page.
TEMPLATE_THRESHOLD = 3


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    canonical: str | None = None


def parse(path: Path) -> Page:
    tree = LexborHTMLParser(path.read_bytes())
    page = Page()
    for node in tree.css("[id], a[name]"):
        attrs = node.attributes
        for key in ("id", "name"):
            if attrs.get(key):
                page.ids.add(attrs[key])
    for node in tree.css(LINK_SELECTOR):
        attrs = node.attributes
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                page.links.append(attrs[key].strip())
        if attrs.get("srcset"):
            page.links += [part.strip().split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        if node.tag == "link" and attrs.get("rel") == "canonical":
            page.canonical = attrs.get("href")
    return page


def html_files(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html")


def scan(site_dir: Path) -> dict[str, Page]:
    return {rel: parse(site_dir / rel) for rel in html_files(site_dir)}


def site_url_of(pages: dict[str, Page]) -> str:
    """The address the site was built for, from the home page's canonical link."""
    home = pages.get("index.html")
    url = home.canonical if home and home.canonical else "https://site.invalid/"
    return url if url.endswith("/") else url + "/"


SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def classify(href: str, base: str, site_url: str) -> tuple[str, str, str]:
    """('internal', path in the site, fragment) | ('external', url, '') | ('skip', '', '').

    `base` is the page's own address (site_url + its path in the site)."""
    if not href or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return "skip", "", ""
    if not SCHEME.match(href) and not href.startswith("/"):
        # Relative links (nearly all of them): plain path arithmetic, much
        # faster than urljoin, which matters on a site with many pages.
        rest, _, fragment = href.partition("#")
        rest = rest.partition("?")[0]
        here = base[len(site_url):]
        if not rest:
            return "internal", here, unquote(fragment)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(rest)))
        if joined == "." or rest.endswith(("/", "/.", "/..")) or rest in (".", ".."):
            joined = "" if joined == "." else joined + "/"
        if joined.startswith("../") or joined == "..":
            return "internal", "(outside the site)/" + joined, unquote(fragment)
        return "internal", joined, unquote(fragment)
    url = urljoin(base, href)
    if url.startswith(site_url) or url + "/" == site_url:
        parts = urlsplit(url[len(site_url):])
        return "internal", unquote(parts.path), unquote(parts.fragment)
    if urlsplit(url).scheme in ("http", "https"):
        return "external", url, ""
    return "skip", "", ""


def _target(site_dir: Path, pages: dict[str, Page], path: str) -> str | None:
    """The built file a site path leads to, or None."""
    for candidate in (path + "index.html" if path.endswith("/") or not path else path, path.rstrip("/") + "/index.html"):
        if candidate in pages or (site_dir / candidate).is_file():
            return candidate
    return None


def source_of(cfg: SiteConfig, built: str) -> Path | None:
    """The Markdown file a built page came from (the Norwegian one for a fallback page)."""
    parts = built.split("/")
    locale = parts[0] if parts[0] in cfg.translation_locales else cfg.default_locale
    rest = "/".join(parts[1:] if locale != cfg.default_locale else parts)
    stem = rest[: -len("index.html")].rstrip("/")
    names = [f"{stem}/index.md", f"{stem}.md"] if stem else ["index.md"]
    for folder in (locale, cfg.default_locale):
        for name in names:
            path = cfg.lang_dir(folder) / name
            if path.is_file():
                return path
    return None


def _line_in(source: Path, href: str, fragment: str) -> int:
    """The line of the source Markdown with this link: the href as written
    (raw HTML), or a Markdown link to the same file or #anchor."""
    path_part = href.split("#")[0].rstrip("/").split("/")[-1]
    patterns = [re.escape(href)]
    if fragment:
        patterns.append(r"\]\((?![a-z]+:)[^)\s]*#" + re.escape(fragment) + r"[)\s]")
    if path_part not in ("", "..", "."):
        patterns.append(r"\]\((?![a-z]+:)(?:[^)\s]*/)?" + re.escape(path_part) + r"(?:/index\.md|\.md|/)?(?:#[^)\s]*)?[)\s]")
    found = re.compile("|".join(patterns))
    for number, line in enumerate(source.read_text(encoding="utf-8").split("\n"), start=1):
        if found.search(line):
            return number
    return 0


def check_site(cfg: SiteConfig, site_dir: Path, pages: dict[str, Page] | None = None) -> list[Problem]:
    site_dir = Path(site_dir)
    pages = pages if pages is not None else scan(site_dir)
    site_url = site_url_of(pages)
    # (target, fragment, what is wrong) -> {built page: href as written there}
    broken: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
    for rel, page in pages.items():
        base = site_url + rel
        for href in page.links:
            kind, path, fragment = classify(href, base, site_url)
            if kind != "internal":
                continue
            target = _target(site_dir, pages, path)
            if target is None:
                broken[(path or "/", fragment, "page")].setdefault(rel, href)
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken[(target, fragment, "anchor")].setdefault(rel, href)
    # One problem per source line (a Norwegian page's link is also in every
    # fallback copy); links found in no source file come from templates.
    by_source: dict[tuple[str, int, str, str], list[tuple[str, str]]] = defaultdict(list)
    from_templates: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for (target, fragment, what), where in broken.items():
        for rel, href in where.items():
            source = source_of(cfg, rel)
            line = _line_in(source, href, fragment) if source else 0
            if line:
                by_source[(cfg.rel(source), line, href, what)].append((rel, target, fragment))
            else:
                from_templates[(_site_path(target, cfg.translation_locales), fragment, what)].append((rel, href, target))
    problems = []
    for (path, line, href, what), found in by_source.items():
        rel, target, fragment = found[0]
        wrong, fix = _describe(href, fragment, what, target)
        seen = f"built page {cfg.rel(site_dir / rel)}" + (f" and {len(found) - 1} more" if len(found) > 1 else "")
        problems.append(Problem(path, line, f"{wrong} (in the {seen}). {fix}", check="links"))
    for (_, fragment, what), found in from_templates.items():
        if len(found) > TEMPLATE_THRESHOLD:
            rel, href, target = found[0]
            wrong, fix = _describe(href, fragment, what, target)
            problems.append(Problem(cfg.rel(site_dir / rel), 0, f"{wrong}, and the same in {len(found) - 1} other built pages. It comes from a template (overrides/), the navigation or mkdocs.yml rather than from one page's text. {fix}", check="links"))
            continue
        for rel, href, target in found:
            wrong, fix = _describe(href, fragment, what, target)
            problems.append(Problem(cfg.rel(site_dir / rel), 0, f"{wrong}. {fix}", check="links"))
    return problems


def _site_path(target: str, locales: list[str]) -> str:
    """en/retired-page/ and retired-page/ are the same link from a template in two languages."""
    first, _, rest = target.partition("/")
    return rest if first in locales else target


def _describe(href: str, fragment: str, what: str, target: str) -> tuple[str, str]:
    if what == "page":
        return (f'the link "{href}" goes to a page or file that does not exist on the site ({target})', "Correct the link, or create the page it points to.")
    shown = target[: -len("index.html")] if target.endswith("index.html") else target
    return (f'the link "{href}" goes to a heading that does not exist ("#{fragment}" on {shown or "the home page"})', "Correct the link, or give the heading that id ({#" + fragment + "}).")


def external_links(site_dir: Path, pages: dict[str, Page] | None = None) -> dict[str, list[str]]:
    """Every external address of the site -> the built pages that link to it. Never fetched."""
    pages = pages if pages is not None else scan(Path(site_dir))
    site_url = site_url_of(pages)
    found: dict[str, set[str]] = defaultdict(set)
    for rel, page in pages.items():
        for href in page.links:
            kind, url, _ = classify(href, site_url + rel, site_url)
            if kind == "external":
                found[url].add(rel)
    return {url: sorted(where) for url, where in sorted(found.items())}


# --- external links with linkchecker ---------------------------------------------------------


def run_linkchecker(urls: list[str], timeout: int, threads: int = 4) -> dict[str, dict]:
    """Check a list of addresses with linkchecker; one result per address."""
    if not urls:
        return {}
    exe = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    work = Path(tempfile.mkdtemp(prefix="external-links-"))
    # linkchecker run as root drops to the user 'nobody', who must be able to read this.
    os.chmod(work, 0o755)
    start = work / "links.html"
    start.write_text("<!doctype html><title>links</title>" + "".join(f'<a href="{escape(u)}">{i}</a>\n' for i, u in enumerate(urls)), encoding="utf-8")
    os.chmod(start, 0o644)
    cmd = [exe, "--check-extern", "--recursion-level=1", f"--timeout={timeout}", f"--threads={threads}", "--no-status", "--verbose", "--output=csv", start.as_uri()]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=max(600, timeout * len(urls))).stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results = {}
    rows = [line for line in out.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        name = row.get("urlname") or ""
        url = row.get("url") or name
        if not url.startswith(("http://", "https://")) or row.get("parentname", "") == "":
            continue
        original = name if name in urls else url
        info = (row.get("infostring") or "") + " " + (row.get("warningstring") or "")
        results[original] = {
            "valid": row.get("valid", "").lower() == "true",
            "result": row.get("result", ""),
            "final_url": url,
            "redirected": url.rstrip("/") != original.rstrip("/") or "redirect" in info.lower(),
            "seconds": _float(row.get("checktime")),
            "checked_at": time.time(),
        }
    for url in urls:
        results.setdefault(url, {"valid": False, "result": "no result from linkchecker", "final_url": url, "redirected": False, "seconds": 0.0, "checked_at": time.time()})
    return results


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def check_external(site_dir: Path, cache_file: Path, max_age_hours: float, timeout: int, retries: int, slow: float) -> dict:
    links = external_links(site_dir)
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    fresh = {u: r for u, r in cache.items() if r.get("valid") and time.time() - r.get("checked_at", 0) < max_age_hours * 3600}
    todo = [u for u in links if u not in fresh]
    results = run_linkchecker(todo, timeout)
    for attempt in range(retries):
        failed = [u for u, r in results.items() if not r["valid"]]
        if not failed:
            break
        time.sleep(2 * (attempt + 1))  # give a flaky server a moment
        results.update(run_linkchecker(failed, timeout))
    cache.update(results)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    report = []
    for url, pages in links.items():
        r = results.get(url) or fresh[url]
        state = "dead" if not r["valid"] else "redirected" if r["redirected"] else "slow" if r["seconds"] > slow else "ok"
        report.append({"url": url, "state": state, "result": r["result"], "final_url": r["final_url"], "seconds": r["seconds"], "cached": url not in results, "pages": pages})
    return {"checked": len(todo), "from_cache": len(links) - len(todo), "links": report}


def write_reports(report: dict, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [r for r in report["links"] if r["state"] != "ok"]
    md = [f"# External links\n", f"{len(report['links'])} addresses: {report['checked']} checked now, {report['from_cache']} from the cache.\n"]
    for state in ("dead", "redirected", "slow"):
        chosen = [r for r in rows if r["state"] == state]
        md.append(f"## {state.capitalize()} ({len(chosen)})\n")
        md += [f"- <{r['url']}> – {r['result']}" + (f" → <{r['final_url']}>" if state == "redirected" else "") + (f" ({r['seconds']:.1f} s)" if state == "slow" else "") + "\n  - used on: " + ", ".join(r["pages"]) for r in chosen]
        md.append("")
    (folder / "external-links.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    with open(folder / "external-links.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["url", "state", "result", "final_url", "seconds", "cached", "pages"])
        for r in report["links"]:
            writer.writerow([r["url"], r["state"], r["result"], r["final_url"], f"{r['seconds']:.2f}", r["cached"], " ".join(r["pages"])])
    (folder / "external-links.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return [folder / n for n in ("external-links.md", "external-links.csv", "external-links.json")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, nargs="?", default=None, help="the built site folder (default: site_dir from mkdocs.yml)")
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--list-external", action="store_true", help="list external addresses and where they are used; fetch nothing")
    parser.add_argument("--external", action="store_true", help="check external addresses with linkchecker and write a report")
    parser.add_argument("--timeout", type=int, default=20, help="seconds to wait for each external site (default 20)")
    parser.add_argument("--retries", type=int, default=2, help="how many times to re-check a failed address (default 2)")
    parser.add_argument("--slow", type=float, default=5.0, help="report addresses that take longer than this many seconds (default 5)")
    parser.add_argument("--max-age", type=float, default=24.0, help="reuse good results younger than this many hours (default 24)")
    parser.add_argument("--cache", type=Path, default=Path(".cache/external-links.json"), help="cache file (default .cache/external-links.json)")
    parser.add_argument("--report-dir", type=Path, default=Path(".cache/link-report"), help="where --external writes external-links.md/.csv/.json (default .cache/link-report/, not committed)")
    parser.add_argument("--fail-on-dead", action="store_true", help="with --external: exit 1 if an address is dead (for scheduled jobs, not pull requests)")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    site = args.site or cfg.site_dir
    if not (site / "index.html").exists():
        parser.error(f"{site} has no index.html; build the site first (mkdocs build)")
    if args.list_external:
        for url, pages in external_links(site).items():
            print(f"{url}\t{len(pages)} page(s)\t{pages[0]}")
        return 0
    if args.external:
        report = check_external(site, args.cache, args.max_age, args.timeout, args.retries, args.slow)
        for path in write_reports(report, args.report_dir):
            print(path)
        print((args.report_dir / "external-links.md").read_text(encoding="utf-8"))
        return 1 if args.fail_on_dead and any(r["state"] == "dead" for r in report["links"]) else 0
    problems = check_site(cfg, site)
    print_problems(problems)
    print(f"{len(problems)} broken internal link(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
