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
from scripts.model.problem import Problem
from scripts.model.textfile import read_utf8

FOLDER = "data/claims"
RESULTS = ("confirmed", "corrected", "removed", "unresolved")


@dataclass
class ClaimsFile:
    shown: str
    data: object = None
    read_problems: list[Problem] = field(default_factory=list)


@dataclass
class Claims:
    files: list[ClaimsFile] = field(default_factory=list)


def read_claims(cfg: SiteConfig) -> Claims:
    folder: Path = cfg.root / FOLDER
    found = Claims()
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        shown = cfg.rel(path)
        entry = ClaimsFile(shown)
        text, problems = read_utf8(path, shown)
        entry.read_problems += problems
        if text is not None:
            entry.data, problems = yamlfile.load(text, shown)
            entry.read_problems += problems
        found.files.append(entry)
    return found
