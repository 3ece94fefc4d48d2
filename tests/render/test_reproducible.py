"""The same commit builds to the same bytes, whatever day it is built.

Two real `mkdocs build --strict` runs of a copy of the whole project, committed
with a date in the past, are compared file by file. Without the hook in
scripts/render/reproducible.py the sitemap would carry today's date (and so would
sitemap.xml.gz's gzip header), and this test would fail on the date check.
Each build gets a different PYTHONHASHSEED, so output that depends on the
order of a set or dict of strings shows up as a difference too. The second
build compiles every theme template and walks the theme's folders afresh in
each language and takes nothing from the build cache (SITE_SKIP_TEMPLATE_CACHE=1),
so this also proves that the work the languages share and the cache
(scripts/render/template_cache.py, theme_files.py, css_prune.py) change no
byte of the site.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.conftest import build_site
from tests.helpers import ROOT

COMMIT_DATE = "2021-03-04T12:00:00+00:00"
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", "test-artifacts", ".pytest_cache", "__pycache__", "tests", ".cache"
)


def committed_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED)
    # One redirect, so its pages (written by the hooks) are compared too.
    redirects = project / "data" / "redirects.yml"
    redirects.write_text(
        redirects.read_text(encoding="utf-8").replace("\n{}\n", "\n") + "gammel-side/index.md: rettigheter/index.md\n",
        encoding="utf-8",
    )
    env = dict(os.environ, GIT_AUTHOR_DATE=COMMIT_DATE, GIT_COMMITTER_DATE=COMMIT_DATE)
    git = [
        "git",
        "-C",
        str(project),
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.org",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], check=True, env=env)
    # The npm packages (PurgeCSS prunes the stylesheet in every build), not copied.
    (project / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    return project


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = committed_copy(tmp_path)

    sites = []
    for seed, skip_cache in (("1", "0"), ("2", "1")):
        site = tmp_path / f"site-{seed}"
        env = {"PYTHONHASHSEED": seed, "SITE_SKIP_TEMPLATE_CACHE": skip_cache}
        result = build_site(project, site, extra_env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "not pruned" not in result.stdout + result.stderr
        sites.append(files_of(site))

    first, second = sites
    assert sorted(first) == sorted(second), "the two builds made different files"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, (
        f"these files differ between two builds of the same commit (the second without the shared template "
        f"compile): {differing[:20]}"
    )
    assert "en/gammel-side/index.html" in first and b"../rettigheter/" in first["ar/gammel-side/index.html"]

    # The dates come from the commit, not from the day of the build.
    sitemap = first["sitemap.xml"].decode("utf-8")
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmods == {"2021-03-04"}, lastmods
    gz = first["sitemap.xml.gz"]
    mtime = int.from_bytes(gz[4:8], "little")  # gzip header field MTIME (RFC 1952)
    assert dt.datetime.fromtimestamp(mtime, dt.UTC).date() == dt.date(2021, 3, 4)
    assert gzip.decompress(gz).decode("utf-8") == sitemap


def test_explicit_source_date_epoch_wins(tmp_path):
    """A packager who sets SOURCE_DATE_EPOCH gets exactly that date (small fixture site, no git)."""
    from tests.checks.test_urls import make_site

    project = make_site(tmp_path)
    site = tmp_path / "site"
    epoch = int(dt.datetime(2022, 6, 7, tzinfo=dt.UTC).timestamp())
    result = build_site(project, site, extra_env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8"))) == {
        "2022-06-07"
    }
