"""External links, checked with the real linkchecker: never in a build.

Run by `python -m scripts links --external` (weekly in CI, .github/workflows/links.yml):
linkchecker checks every external address of the built site, with a timeout
and retries, reuses results younger than --max-age from a cache file, and
writes a report of dead, redirected and slow links with the pages that use
them (Markdown, CSV and JSON). A failing external site never fails a build or
a pull request.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path


def run_linkchecker(urls: list[str], timeout: int, threads: int = 4) -> dict[str, dict]:
    """Check a list of addresses with linkchecker; one result per address."""
    if not urls:
        return {}
    exe = shutil.which("linkchecker") or str(Path(sys.executable).parent / "linkchecker")
    work = Path(tempfile.mkdtemp(prefix="external-links-"))
    # linkchecker run as root drops to the user 'nobody', who must be able to read this.
    os.chmod(work, 0o755)
    start = work / "links.html"
    start.write_text(
        "<!doctype html><title>links</title>" + "".join(f'<a href="{escape(u)}">{i}</a>\n' for i, u in enumerate(urls)),
        encoding="utf-8",
    )
    os.chmod(start, 0o644)
    cmd = [
        exe,
        "--check-extern",
        "--recursion-level=1",
        f"--timeout={timeout}",
        f"--threads={threads}",
        "--no-status",
        "--verbose",
        "--output=csv",
        start.as_uri(),
    ]
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
        results.setdefault(
            url,
            {
                "valid": False,
                "result": "no result from linkchecker",
                "final_url": url,
                "redirected": False,
                "seconds": 0.0,
                "checked_at": time.time(),
            },
        )
    return results


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def check_external(
    links: dict[str, list[str]],
    cache_file: Path,
    max_age_hours: float,
    timeout: int,
    retries: int,
    slow: float,
    retry_wait: float = 2.0,
) -> dict:
    """`links`: external address -> pages using it (scripts.checks.links.external_links)."""
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    fresh = {
        u: r for u, r in cache.items() if r.get("valid") and time.time() - r.get("checked_at", 0) < max_age_hours * 3600
    }
    todo = [u for u in links if u not in fresh]
    results = run_linkchecker(todo, timeout)
    for attempt in range(retries):
        failed = [u for u, r in results.items() if not r["valid"]]
        if not failed:
            break
        time.sleep(retry_wait * (attempt + 1))  # give a flaky server a moment
        results.update(run_linkchecker(failed, timeout))
    cache.update(results)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    report = []
    for url, pages in links.items():
        r = results.get(url) or fresh[url]
        state = (
            "dead" if not r["valid"] else "redirected" if r["redirected"] else "slow" if r["seconds"] > slow else "ok"
        )
        report.append(
            {
                "url": url,
                "state": state,
                "result": r["result"],
                "final_url": r["final_url"],
                "seconds": r["seconds"],
                "cached": url not in results,
                "pages": pages,
            }
        )
    return {"checked": len(todo), "from_cache": len(links) - len(todo), "links": report}


def write_reports(report: dict, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [r for r in report["links"] if r["state"] != "ok"]
    md = [
        "# External links\n",
        f"{len(report['links'])} addresses: {report['checked']} checked now, {report['from_cache']} from the cache.\n",
    ]
    for state in ("dead", "redirected", "slow"):
        chosen = [r for r in rows if r["state"] == state]
        md.append(f"## {state.capitalize()} ({len(chosen)})\n")
        md += [
            f"- <{r['url']}> – {r['result']}"
            + (f" → <{r['final_url']}>" if state == "redirected" else "")
            + (f" ({r['seconds']:.1f} s)" if state == "slow" else "")
            + "\n  - used on: "
            + ", ".join(r["pages"])
            for r in chosen
        ]
        md.append("")
    (folder / "external-links.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    with open(folder / "external-links.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["url", "state", "result", "final_url", "seconds", "cached", "pages"])
        for r in report["links"]:
            writer.writerow(
                [
                    r["url"],
                    r["state"],
                    r["result"],
                    r["final_url"],
                    f"{r['seconds']:.2f}",
                    r["cached"],
                    " ".join(r["pages"]),
                ]
            )
    (folder / "external-links.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return [folder / n for n in ("external-links.md", "external-links.csv", "external-links.json")]
