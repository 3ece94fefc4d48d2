"""The translators' glossaries: translations/glossary/<locale>.yml, read once.

Each file maps a concept to its term in Norwegian ("nb:") and in the
language of the file. The Norwegian terms are marked lang="nb" in
translated pages (scripts/render/reader_html.py).
"""

from __future__ import annotations

from scripts.model import yamlfile
from scripts.model.config import SiteConfig

FOLDER = "translations/glossary"


def norwegian_values(cfg: SiteConfig) -> list[str]:
    """The "nb:" value of every entry of every glossary (unreadable files are skipped)."""
    values: list[str] = []
    for path in sorted((cfg.root / FOLDER).glob("*.yml")):
        data = yamlfile.read_file(path, cfg.rel(path)).data
        for entry in data.values() if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("nb"):
                values.append(str(entry["nb"]))
    return values
