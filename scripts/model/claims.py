"""What supports each claim on a page: data/claims/<page folder>.yml.

A review log per Norwegian page, so the next reviewer can repeat the check:
each claim, its provision, the source read, what the source says, the day it
was checked and the result (confirmed, corrected, removed, unresolved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from scripts.model import yamlfile
from scripts.model.config import SiteConfig

FOLDER = "data/claims"
RESULTS = ("confirmed", "corrected", "removed", "unresolved")


@dataclass
class Claims:
    files: list[yamlfile.DataFile] = field(default_factory=list)


def read_claims(cfg: SiteConfig) -> Claims:
    folder: Path = cfg.root / FOLDER
    found = Claims()
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        found.files.append(yamlfile.read_file(path, cfg.rel(path)))
    return found
