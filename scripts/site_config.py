"""What every check needs to know about the site, read from mkdocs.yml and docs/.

The list of languages lives in mkdocs.yml only (plugins > i18n > languages);
everything here derives from it. Problems found by any check are `Problem`
objects that print as ``docs/so/rettigheter/index.md:12: message`` so an editor
can go straight to the line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads mkdocs.yml without running its !ENV or !!python tags."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    # `!ENV [NAME, default]` or `!ENV NAME`: we only need the default here.
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

    @property
    def docs_dir(self) -> Path:
        return self.root / self.raw.get("docs_dir", "docs")

    @property
    def site_dir(self) -> Path:
        return self.root / self.raw.get("site_dir", "site")

    @property
    def languages(self) -> list[Language]:
        for plugin in self.raw.get("plugins", []):
            if isinstance(plugin, dict) and "i18n" in plugin:
                langs = plugin["i18n"]["languages"]
                return [
                    Language(lang["locale"], lang.get("name", lang["locale"]), bool(lang.get("default")))
                    for lang in langs
                ]
        raise SystemExit(f"{self.root / 'mkdocs.yml'}: no i18n plugin with a 'languages' list found")

    @property
    def default_locale(self) -> str:
        defaults = [lang.locale for lang in self.languages if lang.default]
        if len(defaults) != 1:
            raise SystemExit("mkdocs.yml: exactly one language must have 'default: true'")
        return defaults[0]

    @property
    def translation_locales(self) -> list[str]:
        return [lang.locale for lang in self.languages if not lang.default]

    def lang_dir(self, locale: str) -> Path:
        return self.docs_dir / locale

    def pages(self, locale: str) -> list[Path]:
        """Markdown pages of one language, as paths relative to that language's folder."""
        base = self.lang_dir(locale)
        if not base.is_dir():
            return []
        return sorted(p.relative_to(base) for p in base.rglob("*.md"))

    @property
    def interface_dir(self) -> Path:
        """Where the interface strings of each language live (theme custom_dir)."""
        custom = (self.raw.get("theme") or {}).get("custom_dir") or "overrides"
        return self.root / custom / "partials" / "languages"

    def interface_texts(self, locale: str) -> dict[str, str]:
        """The interface strings of one language ({} when the file is missing)."""
        path = self.interface_dir / f"{locale}.html"
        return interface_texts(path) if path.is_file() else {}

    def direction(self, locale: str) -> str:
        """'rtl' or 'ltr', as the language's interface strings say."""
        return self.interface_texts(locale).get("direction", "ltr")

    def rel(self, path: Path) -> str:
        """A path as editors see it: relative to the repository root, with slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


# `"key": "text",` in a Material language partial (the format Material reads
# natively); the text is optional so that a key alone still counts.
INTERFACE_KEY = re.compile(r'^\s*"([^"]+)"\s*:\s*("(?:[^"\\]|\\.)*")?', re.M)


def interface_texts(path: Path) -> dict[str, str]:
    """Keys of a language partial with their texts (escapes such as \\" decoded)."""
    text = path.read_text(encoding="utf-8")
    return {m.group(1): json.loads(m.group(2)) for m in INTERFACE_KEY.finditer(text) if m.group(2)}


def load_config(root: Path | str | None = None) -> SiteConfig:
    root = Path(root) if root else ROOT
    with open(root / "mkdocs.yml", encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=_ConfigLoader)  # noqa: S506 - SafeLoader subclass
    return SiteConfig(root=root, raw=raw)


@dataclass(order=True)
class Problem:
    """One thing an editor must fix (error) or should look at (warning)."""

    path: str
    line: int
    message: str
    severity: str = field(default="error", compare=False)  # "error" or "warning"
    check: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.message}"


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*\r?\n", re.S)


@dataclass
class MarkdownPage:
    path: Path
    text: str
    meta: dict
    meta_lines: dict[str, int]  # top-level front matter key -> line number (1-based)
    body: str
    body_line: int  # line number of the first body line
    meta_error: str | None = None
    meta_error_line: int = 1

    def line_of(self, key: str) -> int:
        return self.meta_lines.get(key, 1)


# libyaml's loader when PyYAML has it: about 10x faster on the long `sources`
# lists, which matters because every build reads every page's front matter.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_page(path: Path) -> MarkdownPage:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return MarkdownPage(path, text, {}, {}, text, 1, meta_error="no front matter", meta_error_line=1)
    raw = match.group(1) or ""
    body = text[match.end():]
    body_line = text[: match.end()].count("\n") + 1
    try:
        node = yaml.compose(raw, Loader=_YAML_LOADER)
        meta = yaml.load(raw, Loader=_YAML_LOADER) or {}  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date such as 2026-13-01
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        return MarkdownPage(path, text, {}, {}, body, body_line, meta_error=f"front matter is not valid YAML ({problem})", meta_error_line=line)
    if not isinstance(meta, dict):
        return MarkdownPage(path, text, {}, {}, body, body_line, meta_error="front matter must be 'key: value' lines", meta_error_line=2)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the '---' line
    return MarkdownPage(path, text, meta, lines, body, body_line)


def source_hash(page_path: Path) -> str:
    """Content hash of a Norwegian source page, as translations record it.

    Only the body counts (not the review dates), with line endings and trailing
    spaces normalised, so re-saving a file or updating `last_reviewed` does not
    mark every translation outdated, but any change to the text does.
    """
    page = read_page(page_path)
    text = "\n".join(line.rstrip() for line in page.body.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def iter_markdown_lines(body: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    """Yield (line number, line, in_code_block) for a page body."""
    fence = None
    for offset, line in enumerate(body.split("\n")):
        stripped = line.lstrip()
        if fence is None and (stripped.startswith("```") or stripped.startswith("~~~")):
            fence = stripped[:3]
            yield first_line + offset, line, True
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            yield first_line + offset, line, True
            continue
        yield first_line + offset, line, False


def print_problems(problems: list[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for problem in sorted(problems):
        print(problem, file=stream)


def report(problems: list[Problem]) -> int:
    """Print the problems and a count; the exit status for a check's command
    line: 1 when there is an error (warnings never fail)."""
    print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print what the checks read from mkdocs.yml: the languages and their page counts.")
    parser.parse_args(argv)
    cfg = load_config()
    for lang in cfg.languages:
        mark = " (default, source language)" if lang.default else ""
        print(f"{lang.locale}\t{lang.name}\t{len(cfg.pages(lang.locale))} pages{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
