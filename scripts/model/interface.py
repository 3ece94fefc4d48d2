"""The interface strings of each language: overrides/partials/languages/<locale>.html.

The files are Material's own format (`"key": "text",` lines in a Jinja
partial), so the theme reads them natively; this is the one reader the
scripts use for them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.model.config import SiteConfig

# `"key": "text",`; the text is optional so that a key alone still counts.
INTERFACE_KEY = re.compile(r'^\s*"([^"]+)"\s*:\s*("(?:[^"\\]|\\.)*")?', re.M)


@dataclass
class InterfaceFile:
    path: Path
    texts: dict[str, str] = field(default_factory=dict)  # key -> text (escapes decoded)
    lines: dict[str, int] = field(default_factory=dict)  # key -> line (keys without text too)
    last_line: int = 0

    @property
    def direction(self) -> str:
        return self.texts.get("direction", "ltr")


def parse(path: Path) -> InterfaceFile:
    text = path.read_text(encoding="utf-8")
    found = InterfaceFile(path, last_line=text.count("\n"))
    for match in INTERFACE_KEY.finditer(text):
        found.lines[match.group(1)] = text.count("\n", 0, match.start()) + 1
        if match.group(2):
            try:
                found.texts[match.group(1)] = json.loads(match.group(2))
            except ValueError:
                found.texts[match.group(1)] = match.group(2).strip('"')
    return found


def material_languages_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "partials" / "languages"


@dataclass
class Interface:
    """Every language's interface file (None where a language has none)."""

    files: dict[str, InterfaceFile | None]
    default_locale: str

    def texts(self, locale: str) -> dict[str, str]:
        found = self.files.get(locale)
        return found.texts if found else {}

    def direction(self, locale: str) -> str:
        """'rtl' or 'ltr', as the language's strings say (as the theme reads them)."""
        found = self.files.get(locale)
        return found.direction if found else "ltr"

    def texts_with_fallback(self, locale: str) -> dict[str, str]:
        """A language's texts, the default language's filling any gap."""
        merged = dict(self.texts(self.default_locale))
        merged.update(language=locale, direction=self.direction(locale))
        merged.update(self.texts(locale))
        return merged


def read(cfg: SiteConfig) -> Interface:
    folder = cfg.interface_dir
    files: dict[str, InterfaceFile | None] = {}
    for locale in cfg.locales:
        path = folder / f"{locale}.html" if folder else None
        files[locale] = parse(path) if path and path.is_file() else None
    return Interface(files, cfg.default_locale)
