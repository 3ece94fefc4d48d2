"""What many tests need: the repository, the fixture sites, the model and the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from scripts import checks
from scripts.model.config import load_config
from scripts.model.site import SiteModel

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The day tests judge review dates and verification ages against: fixed, so
# no test depends on the calendar.
TODAY = dt.date(2026, 12, 1)


def model(root: Path = ROOT, *, today: dt.date = TODAY, site: Path | None = None) -> SiteModel:
    return SiteModel(load_config(root), today, site_dir=Path(site) if site else None)


def problems(root: Path = ROOT, *names: str, today: dt.date = TODAY, site: Path | None = None) -> list:
    """The problems the named checks find (all source checks when none are named)."""
    chosen = [checks.ALL[name] for name in names] if names else None
    return checks.run(model(root, today=today, site=site), chosen)


def cli(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m scripts ARGS`, as an editor or CI runs it."""
    return subprocess.run([sys.executable, "-m", "scripts", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def memory_model(pages: dict[tuple[str, str], str], *, today: dt.date = TODAY) -> SiteModel:
    """A model of the real configuration whose pages come from strings, not files:
    {("nb", "side/index.md"): "---\\n...\\n---\\n# Side\\n"}. For testing one rule on one page."""
    from scripts.model.pages import SourceSite, parse_page

    cfg = load_config(ROOT)
    found: dict[str, dict] = {locale: {} for locale in cfg.locales}
    for (locale, path), text in pages.items():
        found.setdefault(locale, {})[path] = parse_page(locale, path, text)
    site_model = SiteModel(cfg, today)
    site_model.__dict__["pages"] = SourceSite(cfg, found)  # instead of reading docs/
    return site_model
