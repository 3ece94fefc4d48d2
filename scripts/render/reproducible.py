"""Make a build depend on the commit, not on the day it runs.

MkDocs stamps two things with "today": the `<lastmod>` dates in sitemap.xml
and the gzip header time of sitemap.xml.gz. Two builds of the same commit on
different days therefore differ, and a reviewer cannot trust a diff of the
built site. MkDocs takes both from SOURCE_DATE_EPOCH when it is set (the
reproducible-builds.org convention), so the hooks set it, before any page is
read, to the time of the commit being built. An explicit SOURCE_DATE_EPOCH in
the environment always wins; outside a git checkout nothing is changed.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def commit_epoch(root: Path) -> int | None:
    """Committer time (seconds since 1970) of HEAD in `root`, or None without git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = result.stdout.strip()
    return int(value) if result.returncode == 0 and value.isdigit() else None


def set_source_date_epoch(root: Path) -> str | None:
    """Set SOURCE_DATE_EPOCH from the commit unless already set; return the value in force."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        epoch = commit_epoch(root)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return os.environ.get("SOURCE_DATE_EPOCH")


def normalise_site(site_dir: Path) -> None:
    """Rewrite generated files whose bytes vary between identical builds."""
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if entry.exists():
        data = json.loads(entry.read_text(encoding="utf-8"))
        if isinstance(data.get("languages"), dict):
            data["languages"] = dict(sorted(data["languages"].items()))
            entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
