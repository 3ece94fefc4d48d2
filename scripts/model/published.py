"""Every page address the site ever published: data/published-urls.txt, read once."""

from __future__ import annotations

from scripts.model.config import SiteConfig

LIST_FILE = "data/published-urls.txt"


def read_published(cfg: SiteConfig) -> list[str]:
    """The listed addresses ('/', '/en/rettigheter/', ...), in file order."""
    path = cfg.root / LIST_FILE
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
