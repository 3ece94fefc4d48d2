"""Where a page lives: locale <-> file path <-> site address, in one place.

With directory URLs and the i18n folder layout, the Norwegian page
docs/nb/rettigheter/index.md is at /rettigheter/ and its English translation
docs/en/rettigheter/index.md at /en/rettigheter/. A page's *path* is its path
inside its language folder, as written in nav: ("rettigheter/index.md").
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from scripts.model.config import SiteConfig


def page_url(path: str) -> str:
    """Address of a page inside its language, with directory URLs:
    rettigheter/index.md -> rettigheter/; side.md -> side/; index.md -> ''."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    return stem if not stem or stem.endswith("/") else stem + "/"


def page_path(rel_url: str) -> str:
    """rettigheter/ -> rettigheter/index.md; '' -> index.md (the inverse of page_url)."""
    return f"{rel_url}index.md" if rel_url else "index.md"


def is_page_path(path: str) -> bool:
    """A path that can name a page: relative, .md, no '..' or backslashes."""
    return path.endswith(".md") and not path.startswith("/") and ".." not in path.split("/") and "\\" not in path


def prefix(cfg: SiteConfig, locale: str) -> str:
    """'' for the default language, 'en/' for English: where a language's pages start."""
    return "" if locale == cfg.default_locale else f"{locale}/"


def site_url(cfg: SiteConfig, locale: str, rel_url: str) -> str:
    """/en/rettigheter/ for ('en', 'rettigheter/'); / for the default home."""
    return f"/{prefix(cfg, locale)}{rel_url}"


def split_site_url(cfg: SiteConfig, url: str) -> tuple[str, str]:
    """('en', 'rettigheter/') for /en/rettigheter/; ('nb', '') for /."""
    parts = url.strip("/").split("/", 1)
    if parts[0] in cfg.translation_locales:
        return parts[0], (parts[1] + "/") if len(parts) > 1 and parts[1] else ""
    return cfg.default_locale, url.lstrip("/")


def split_source(cfg: SiteConfig, path: Path | str) -> tuple[str, str] | None:
    """('en', 'rettigheter/index.md') for docs/en/rettigheter/index.md; None outside docs/."""
    try:
        rel = Path(path).resolve().relative_to(cfg.docs_dir.resolve())
    except ValueError:
        return None
    if len(rel.parts) < 2:
        return None
    return rel.parts[0], PurePosixPath(*rel.parts[1:]).as_posix()


def built_page_locale(cfg: SiteConfig, built: str) -> tuple[str, str]:
    """('en', 'rettigheter/index.html') for the built file en/rettigheter/index.html."""
    first, _, rest = built.partition("/")
    if first in cfg.translation_locales and rest:
        return first, rest
    return cfg.default_locale, built


def source_candidates(built_rel: str) -> list[str]:
    """Page paths a built file can come from: rettigheter/index.html -> rettigheter/index.md, rettigheter.md."""
    stem = built_rel[: -len("index.html")].rstrip("/") if built_rel.endswith("index.html") else built_rel.rstrip("/")
    return [f"{stem}/index.md", f"{stem}.md"] if stem else ["index.md"]
