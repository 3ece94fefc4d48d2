"""Measure what the per-build checks cost, and the built-HTML link check
against linkchecker; write the results to BENCHMARKS.md.

    python -m scripts.tools.benchmark                     # about 10 minutes on 2 cores
    python -m scripts.tools.benchmark --scales 1 2 4 --linkchecker-scale 1 --runs 3

1. The real site: `mkdocs build` with the checks and without them
   (SITE_SKIP_CHECKS=1), median of --runs builds each.
2. Synthetic sites with 1x, 4x, 16x the real pages (scripts/generate_site.py):
   build time with and without checks, and the time of the built-HTML link
   check, to see how both grow.
3. The built-HTML link check against linkchecker 10 (internal links with
   anchors, over HTTP, which linkchecker needs for anchors on directory
   URLs) on the same built site, at --linkchecker-scale. linkchecker gets its
   best case: the local server sends the `LinkChecker` header and the
   request-rate limit is raised, so it is not throttled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scripts import checks
from scripts.checks import links as link_check
from scripts.model.built import scan
from scripts.model.config import ROOT, load_config
from scripts.model.site import SiteModel
from scripts.tools import generate_site


def source_checks(root: Path) -> None:
    """Every source check, reading every input afresh, as one build does."""
    checks.run(SiteModel(load_config(root), dt.date.today()), checks.SOURCE_CHECKS)


def built_checks(root: Path, site: Path) -> None:
    """Every built-site check, scanning the built site afresh, as one build does."""
    checks.run(SiteModel(load_config(root), dt.date.today(), site_dir=site), checks.BUILT_CHECKS)


def link_check_alone(root: Path, site: Path) -> None:
    link_check.check(SiteModel(load_config(root), dt.date.today(), site_dir=site))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


BARE_HOOKS = ROOT / "scripts" / "tools" / "bare_hooks.py"


def bare_config(root: Path) -> Path:
    """root/mkdocs-bare.yml: the same configuration without the project's hooks."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^(hooks:\n)(\s*-\s*)\S*mkdocs_hooks\.py\s*$",
        lambda m: f"{m.group(1)}{m.group(2)}{BARE_HOOKS.as_posix()}",
        text,
    )
    path = root / "mkdocs-bare.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build(root: Path, site: Path, checks: bool, bare: bool = False) -> float:
    """CPU seconds (user + system) of one `mkdocs build`. CPU time, not wall
    time: on a shared machine other processes stretch wall time at random,
    while the work the build does stays the same. `bare`: without the hooks."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.pop("SITE_SKIP_CHECKS", None)
    if not checks:
        env["SITE_SKIP_CHECKS"] = "1"
    config = ["-f", str(bare_config(root))] if bare else []
    # A cold start every time: the hooks' build may not reuse what an earlier
    # build left in its cache (compiled templates, the pruned stylesheet),
    # while the bare build does all its work each time.
    cold = tempfile.TemporaryDirectory(prefix="build-cache-")
    env["SITE_CACHE_DIR"] = cold.name
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # --no-strict: a content error somewhere must not stop the measurement
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", *config, "--site-dir", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if bare:
        (root / "mkdocs-bare.yml").unlink(missing_ok=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cold.cleanup()
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not (site / "index.html").exists():
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-3000:]}")
    return elapsed


def median_of(runs: int, fn) -> float:
    return statistics.median(fn() for _ in range(runs))


def interleaved(runs: int, root: Path, site: Path) -> tuple[float, float, float]:
    """Median CPU time of the bare build (no hooks), without the checks and
    with them, the three kinds of build alternating (paired runs)."""
    bare, without, with_checks = [], [], []
    for _ in range(runs):
        bare.append(build(root, site.with_name(site.name + "-bare"), checks=False, bare=True))
        without.append(build(root, site, checks=False))
        with_checks.append(build(root, site, checks=True))
    return statistics.median(bare), statistics.median(without), statistics.median(with_checks)


def timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def wall(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def html_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "benchmark")  # lifts linkchecker's rate limit
        super().end_headers()

    def log_message(self, *args):
        pass


def run_linkchecker(site: Path) -> tuple[float, int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = Path(tempfile.mkdtemp(prefix="lc-bench-"))
    os.chmod(work, 0o755)  # linkchecker as root drops to 'nobody'
    rc = work / "linkcheckerrc"
    rc.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=10\n\n[AnchorCheck]\n", encoding="utf-8")
    os.chmod(rc, 0o644)
    exe = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    start = time.perf_counter()
    result = subprocess.run(
        [exe, "-f", str(rc), "--no-status", "--verbose", "-o", "csv", f"http://127.0.0.1:{server.server_address[1]}/"],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return elapsed, max(len(rows) - 1, 0)


def _split_sections(text: str) -> tuple[str, list[str]]:
    """(text before the first '## ' heading, [each '## ' section])."""
    starts = [m.start() for m in re.finditer(r"^## ", text, re.MULTILINE)]
    if not starts:
        return text, []
    bounds = starts + [len(text)]
    return text[: starts[0]], [text[bounds[i] : bounds[i + 1]].rstrip("\n") for i in range(len(starts))]


def update_sections(path: Path, text: str) -> None:
    """Write `text`'s '## ' sections into the Markdown file at `path`: a section
    already there is replaced where it stands, a new one is added at the end,
    the others are kept. Text before the first heading replaces the file's
    (when `text` has any). Both benchmarks write BENCHMARKS.md this way, so
    neither erases the other's results."""
    old_head, old_sections = _split_sections(path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n")
    new_head, new_sections = _split_sections(text)
    new_by_heading = {section.splitlines()[0]: section for section in new_sections}
    merged = [new_by_heading.pop(section.splitlines()[0], section) for section in old_sections]
    merged += list(new_by_heading.values())
    head = new_head if new_head.strip() else old_head
    path.write_text(head.rstrip("\n") + "\n\n" + "\n\n".join(merged) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--scales",
        type=int,
        nargs="+",
        default=[1, 4, 16],
        help="synthetic site sizes, in multiples of the real pages (default 1 4 16)",
    )
    parser.add_argument(
        "--linkchecker-scale",
        type=int,
        default=1,
        help="site size for the linkchecker comparison (default 1: linkchecker is slow)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="builds per measurement of the real site (median; default 3)"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="benchmark-"))
    cfg = load_config(ROOT)
    lines = [
        "# Benchmarks",
        "",
        f"Written by `python -m scripts.tools.benchmark` on {dt.date.today()}.",
        "",
        f"Machine: {machine()}.",
        "",
    ]

    # 1. the real site
    real = work / "real-site"
    bare, without, with_checks = interleaved(args.runs, ROOT, real)
    # a fresh page cache each time, as in a real build (one process per build)
    sources = median_of(args.runs, lambda: timed(lambda: source_checks(ROOT)))
    built = median_of(args.runs, lambda: timed(lambda: built_checks(ROOT, real)))
    overhead = 100 * (with_checks - without) / without
    ratio = with_checks / bare
    lines += [
        "## Real site: build cost against the bare theme",
        "",
        f"CPU seconds, median of {args.runs} paired runs. Bare: the same mkdocs.yml with "
        "`scripts/tools/bare_hooks.py` in place of the project's hooks (only the two Jinja filters the "
        "templates need; no model, no checks, no HTML post-processing, no search index, no redirects).",
        "",
        "| | CPU seconds |",
        "|---|---:|",
        f"| bare build | {bare:.2f} |",
        f"| build with the hooks (everything) | {with_checks:.2f} |",
        f"| ratio | {ratio:.2f}x |",
        "",
        f"Target: at most 1.8x → **{'met' if ratio <= 1.8 else 'NOT met'}** ({ratio:.2f}x).",
        "",
        "## Real site: build time with and without the checks",
        "",
        f"CPU seconds (user + system; wall time on this shared 2-core machine varied too much with other processes), "
        f"median of {args.runs} `mkdocs build` runs each, alternating ({html_count(real)} "
        f"HTML files, {len(cfg.languages)} languages). "
        "Without the checks: `SITE_SKIP_CHECKS=1`.",
        "",
        "| | CPU seconds |",
        "|---|---:|",
        f"| build without checks | {without:.2f} |",
        f"| build with checks | {with_checks:.2f} |",
        f"| difference | {with_checks - without:+.2f} ({overhead:+.1f} %) |",
        f"| source checks alone (content, coverage, offers, …; in-process) | {sources:.2f} |",
        f"| built-site checks alone (links, URLs, third-party; in-process) | {built:.2f} |",
        "",
        f"Target: the checks add at most 15 % → **{'met' if overhead <= 15 else 'NOT met'}** ({overhead:+.1f} %; "
        f"in-process the checks take {sources + built:.2f} s = {100 * (sources + built) / without:.1f} "
        "% of the build).",
        "",
    ]

    # 2. growth with the number of pages
    rows = []
    sites = {}
    for scale in args.scales:
        root = generate_site.generate(work / f"x{scale}", scale)
        site = root / "site"
        b_bare, b_without, b_with = interleaved(1, root, site)
        pages = scan(site).reader_pages()
        links = sum(len(p.links) for p in pages.values())
        t_links = median_of(3, lambda root=root, site=site: timed(lambda: link_check_alone(root, site)))
        megabytes = sum((site / rel).stat().st_size for rel in pages) / 1e6
        rows.append((scale, len(pages), links, b_without, b_with, t_links, megabytes, b_bare))
        sites[scale] = (root, site)
        print(
            f"scale {scale}: {len(pages)} pages, build {b_without:.1f}/{b_with:.1f} s, link check {t_links:.3f} s",
            file=sys.stderr,
        )
    lines += [
        "## Growth with the number of pages",
        "",
        "Synthetic sites from `scripts/tools/generate_site.py` (every real page of "
        "every language copied N times, navigation included). One build each; all "
        "times are CPU seconds.",
        "",
        "| scale | HTML pages checked | links | HTML (MB) | bare build (s) | build without checks "
        "(s) | build with checks (s) | hooks per MB of HTML (s) | built-HTML link check (s) "
        "| link check per MB of HTML (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale, n, links, bw, bc, tl, mb, bb in rows:
        lines.append(
            f"| {scale}x | {n} | {links} | {mb:.1f} | {bb:.2f} | {bw:.2f} | {bc:.2f} | {(bc - bb) / mb:.2f} "
            f"| {tl:.3f} | {1000 * tl / mb:.1f} |"
        )
    first, last = rows[0], rows[-1]
    link_growth = (last[5] / last[1]) / (first[5] / first[1])
    lines += [
        "",
        f"Link check time per page at {last[0]}x is {link_growth:.2f} times that at {first[0]}x "
        "(1.00 = perfectly linear in pages). "
        "Each page also gets bigger as the navigation grows (see HTML MB), so time "
        "per MB of HTML is the fairer measure of linearity. "
        "The build itself grows faster than linearly: every page renders the whole navigation.",
        "",
        "The checks' share rises on the synthetic sites: the checks and the HTML "
        "post-processing grow with the HTML they read (each built page is parsed once "
        "for the built-site checks, each translation's facts are compared with its "
        "Norwegian page), while a part of the build is a fixed start-up cost. The 15 % "
        "and 1.8x targets apply to the real site (first tables); the hooks' seconds "
        "per MB of HTML show whether they stay linear.",
        "",
    ]

    # 3. against linkchecker
    scale = args.linkchecker_scale
    if scale not in sites:
        root = generate_site.generate(work / f"x{scale}", scale)
        build(root, root / "site", checks=False)
        sites[scale] = (root, root / "site")
    gen_root, site = sites[scale]
    ours = median_of(3, lambda: wall(lambda: link_check_alone(gen_root, site)))
    theirs, urls = run_linkchecker(site)
    lines += [
        "## Built-HTML link check against linkchecker",
        "",
        f"The same built site ({scale}x, {html_count(site)} HTML files), internal links with anchors. "
        "linkchecker 10.6.0 over HTTP from a local server, with anchor checking (`[AnchorCheck]`), "
        "10 threads and no rate limit; "
        f"it reported {urls} URLs. The comparison runs at {scale}x only because linkchecker "
        "is slow; the growth of our check is in the table above.",
        "",
        "| tool | wall seconds |",
        "|---|---:|",
        f"| `scripts/checks/links.py` (median of 3) | {ours:.3f} |",
        f"| linkchecker | {theirs:.1f} |",
        "",
        f"Our check is **{theirs / ours:.0f}x** faster "
        f"(target: at least 20x → **{'met' if theirs / ours >= 20 else 'NOT met'}**).",
        "",
    ]
    update_sections(args.output, "\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    print(args.output.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
