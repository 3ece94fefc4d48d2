"""Which translations to have reviewed first: translations/review-priority.yml, read once.

A list of Norwegian page paths (as in nav:), most important first: the pages
with the most readers' impact. The coverage report lists, per language, the
pages of this list whose translation is not reviewed yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.textfile import read_utf8

FILE = "translations/review-priority.yml"


@dataclass
class Priority:
    pages: list[tuple[str, int]] = field(default_factory=list)  # (path, line), most important first
    problems: list[Problem] = field(default_factory=list)


def read(cfg: SiteConfig) -> Priority:
    path = cfg.root / FILE
    found = Priority()
    if not path.exists():
        return found
    text, problems = read_utf8(path, FILE)
    found.problems += problems
    if text is None:
        return found
    data, problems = yamlfile.load(text, FILE)
    found.problems += problems
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, list):
        if data is not None:
            found.problems.append(
                Problem(
                    FILE,
                    1,
                    "the file must have a list 'pages:', one page path on each line starting with '- '. Fix the file.",
                    check="translation",
                )
            )
        return found
    for i, item in enumerate(pages):
        line = pages.line_of(i) if isinstance(pages, yamlfile.LineList) else 1
        found.pages.append((str(item), line))
    return found
