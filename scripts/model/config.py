"""The site's configuration: languages and folders, from mkdocs.yml only.

mkdocs.yml is the one list of languages (plugins > i18n > languages). On the
command line it is read from the file; in the MkDocs hooks, `from_mkdocs()`
takes the folders and address from MkDocs' parsed configuration (which
honours --site-dir and SITE_URL) and the languages from the same file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


class ConfigError(Exception):
    """mkdocs.yml cannot describe the site (no languages, no default language)."""


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that reads mkdocs.yml without running its !ENV or !!python tags."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    # `!ENV [NAME, default]` or `!ENV NAME`: only the default is needed here.
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    raw: dict
    languages: tuple[Language, ...]
    docs_dir: Path
    site_dir: Path
    site_url: str = ""
    custom_dir: Path | None = None
    nav_files: tuple[str, ...] = field(default=())  # page paths in nav:, as written
    nav_lines: dict = field(default_factory=dict, compare=False)  # page path in nav: -> its line in mkdocs.yml

    @property
    def default_locale(self) -> str:
        return next(lang.locale for lang in self.languages if lang.default)

    @property
    def locales(self) -> list[str]:
        return [lang.locale for lang in self.languages]

    @property
    def translation_locales(self) -> list[str]:
        return [lang.locale for lang in self.languages if not lang.default]

    def language(self, locale: str) -> Language | None:
        return next((lang for lang in self.languages if lang.locale == locale), None)

    def lang_dir(self, locale: str) -> Path:
        return self.docs_dir / locale

    @property
    def interface_dir(self) -> Path | None:
        """Where each language's interface strings live (theme custom_dir)."""
        return self.custom_dir / "partials" / "languages" if self.custom_dir else None

    def rel(self, path: Path | str) -> str:
        """A path as editors see it: relative to the repository root, with slashes."""
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def _languages(raw: dict, where: str) -> tuple[Language, ...]:
    for plugin in raw.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            languages = tuple(
                Language(str(lang["locale"]), str(lang.get("name", lang["locale"])), bool(lang.get("default")))
                for lang in entries
                if isinstance(lang, dict) and lang.get("locale")
            )
            if sum(lang.default for lang in languages) != 1:
                raise ConfigError(
                    f"{where}: exactly one language under plugins > i18n > languages must have 'default: true'."
                )
            return languages
    raise ConfigError(
        f"{where}: no i18n plugin with a 'languages' list. Add the languages under plugins > i18n > languages."
    )


def _nav_files(nav) -> tuple[str, ...]:
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return tuple(path for path in found if path.endswith(".md"))


def _nav_lines(text: list[str], paths: tuple[str, ...]) -> dict[str, int]:
    lines: dict[str, int] = {}
    for path in paths:
        pattern = re.compile(r"(^|[\s:-])" + re.escape(path) + r"\s*$")
        lines[path] = next((n for n, line in enumerate(text, start=1) if pattern.search(line)), 0)
    return lines


def read_raw(root: Path) -> tuple[dict, list[str]]:
    """mkdocs.yml, read once: (its YAML, its lines)."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    stream = io.StringIO(text)
    stream.name = str(path)  # a YAML error names the file, as when the parser reads it
    return yaml.load(stream, Loader=_ConfigLoader) or {}, text.split("\n")


def load_config(root: Path | str | None = None, *, site_dir: Path | str | None = None) -> SiteConfig:
    """The configuration from `root`/mkdocs.yml (default: this repository)."""
    root = Path(root).resolve() if root else ROOT
    raw, lines = read_raw(root)
    theme = raw.get("theme") or {}
    custom = theme.get("custom_dir")
    return SiteConfig(
        root=root,
        raw=raw,
        languages=_languages(raw, "mkdocs.yml"),
        docs_dir=root / raw.get("docs_dir", "docs"),
        site_dir=Path(site_dir).resolve() if site_dir else root / raw.get("site_dir", "site"),
        site_url=str(raw.get("site_url") or ""),
        custom_dir=root / custom if custom else None,
        nav_files=(nav := _nav_files(raw.get("nav"))),
        nav_lines=_nav_lines(lines, nav),
    )


def from_mkdocs(config) -> SiteConfig:
    """The configuration as MkDocs parsed it (in the hooks)."""
    root = Path(config.config_file_path).parent.resolve()
    raw, lines = read_raw(root)
    custom = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
    return SiteConfig(
        root=root,
        raw=raw,
        languages=_languages(raw, "mkdocs.yml"),
        docs_dir=Path(config.docs_dir).resolve(),
        site_dir=Path(config.site_dir).resolve(),
        site_url=config.site_url or "",
        custom_dir=Path(custom).resolve() if custom else None,
        nav_files=(nav := _nav_files(raw.get("nav"))),
        nav_lines=_nav_lines(lines, nav),
    )
