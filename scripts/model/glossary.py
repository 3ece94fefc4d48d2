"""The translators' glossaries: translations/glossary/<locale>.yml, read once.

Each file maps a concept to its term in Norwegian ("nb:") and in the
language of the file ("term:"), and may list the variants translators must
not use ("avoid:"), which the terms check flags with the approved term. The
Norwegian terms are marked lang="nb" in translated pages
(scripts/render/reader_html.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem

FOLDER = "translations/glossary"


@dataclass(frozen=True)
class Term:
    key: str
    term: str  # the approved term in the file's language
    nb: str
    avoid: tuple[str, ...]  # variants not to use
    file: str  # translations/glossary/so.yml
    line: int  # the entry's line


@dataclass
class Glossaries:
    terms: dict[str, list[Term]] = field(default_factory=dict)  # locale -> its entries
    problems: list[Problem] = field(default_factory=list)  # YAML that does not parse, 'avoid' that is not a list


def _load(cfg: SiteConfig, path) -> tuple[dict | None, list[Problem]]:
    found = yamlfile.read_file(path, cfg.rel(path))
    return (found.data if isinstance(found.data, dict) else None), found.read_problems


def read(cfg: SiteConfig) -> Glossaries:
    found = Glossaries()
    for path in sorted((cfg.root / FOLDER).glob("*.yml")):
        shown = cfg.rel(path)
        data, problems = _load(cfg, path)
        found.problems += problems
        entries = []
        for key, entry in (data or {}).items():
            if not isinstance(entry, dict):
                continue
            avoid = entry.get("avoid") or []
            if isinstance(avoid, str) or not isinstance(avoid, list):
                found.problems.append(
                    Problem(
                        shown,
                        entry.line_of("avoid") if isinstance(entry, yamlfile.LineMap) else 1,
                        "'avoid' must be a list, one variant on each line starting with '- '. Fix the lines "
                        "under 'avoid:'.",
                        check="terms",
                    )
                )
                avoid = []
            line = data.line_of(key) if isinstance(data, yamlfile.LineMap) else 1
            entries.append(
                Term(
                    str(key),
                    str(entry.get("term") or ""),
                    str(entry.get("nb") or ""),
                    tuple(str(v) for v in avoid if v),
                    shown,
                    line,
                )
            )
        found.terms[path.stem] = entries
    return found


def norwegian_values(glossaries: Glossaries) -> list[str]:
    """The "nb:" value of every entry of every glossary (unreadable files have none)."""
    return [term.nb for terms in glossaries.terms.values() for term in terms if term.nb]
