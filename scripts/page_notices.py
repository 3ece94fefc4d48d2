"""What a reader is told about a page's translation, and small fixes to the HTML.

Used by the MkDocs hooks. For each rendered page it works out, from the file
the page came from and the translation's front matter:

* ``missing``: the page is the Norwegian text shown because no translation
  exists yet (the i18n plugin's fallback);
* ``outdated``: the translation records a ``source_hash`` that no longer matches
  the Norwegian page;
* ``machine``: the translation is marked ``status: machine``.

The template (overrides/main.html) shows the localized notices from
``page.meta``. Nothing here reads the i18n plugin's internals: the build
language comes from ``config.theme.language``, which the plugin sets per
language, and the file's language from its folder under docs/.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Callable

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.site_config import SiteConfig, read_page, source_hash


def split_locale(cfg: SiteConfig, abs_src_path: str) -> tuple[str, Path]:
    """('en', Path('rettigheter/index.md')) for docs/en/rettigheter/index.md."""
    rel = Path(abs_src_path).resolve().relative_to(cfg.docs_dir.resolve())
    return rel.parts[0], Path(*rel.parts[1:])


def page_url(rel: Path) -> str:
    """Site-root URL of a page with directory URLs: rettigheter/index.md -> rettigheter/."""
    posix = rel.as_posix()
    if posix == "index.md":
        return "./"
    if posix.endswith("/index.md"):
        return posix[: -len("index.md")]
    return posix[: -len(".md")] + "/"


def translation_state(cfg: SiteConfig, file_locale: str, rel: Path, build_locale: str) -> dict:
    """The notices a page needs, as page.meta fields."""
    default = cfg.default_locale
    state = {"i18n_notice": None, "machine_translation": False, "source_page_url": page_url(rel), "source_locale": default}
    if build_locale == default:
        return state
    if file_locale != build_locale:
        state["i18n_notice"] = "missing"
        return state
    from scripts.translation_coverage import recorded_hash  # it imports this module

    source = cfg.lang_dir(default) / rel
    page = read_page(cfg.lang_dir(file_locale) / rel)
    translation = page.meta.get("translation") if isinstance(page.meta.get("translation"), dict) else {}
    state["machine_translation"] = translation.get("status") == "machine"
    if source.exists() and recorded_hash(page) != source_hash(source):
        state["i18n_notice"] = "outdated"
    return state


def annotate(cfg: SiteConfig, page, build_locale: str) -> None:
    file_locale, rel = split_locale(cfg, page.file.abs_src_path)
    page.meta.update(translation_state(cfg, file_locale, rel, build_locale))
    page.meta["build_locale"] = build_locale


# Lines in a page that are replaced by generated content. Each renderer gets
# (cfg, locale, page) and returns Markdown/HTML. Registered by the modules that
# own the content (offers directory, coverage report).
MARKERS: dict[str, Callable] = {}


def register_marker(marker: str, renderer: Callable) -> None:
    MARKERS[marker] = renderer


def expand_markers(cfg: SiteConfig, markdown: str, page, build_locale: str) -> str:
    if "<!--" not in markdown:
        return markdown
    _load_marker_modules()
    for marker, renderer in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, renderer(cfg, build_locale, page))
    return markdown


def _load_marker_modules() -> None:
    # Imported lazily so a module that registers a marker can import this one.
    from scripts import offers, translation_coverage  # noqa: F401


_BODY_DIR = re.compile(r'<body dir="(rtl|ltr)"')
_HTML_OPEN = re.compile(r"<html lang=\"([^\"]+)\"")


def finish_html(output: str) -> str:
    """Put `dir` on <html> too (Material sets it only on <body>), so the whole
    document, including the <head> title, is right-to-left for Arabic."""
    match = _BODY_DIR.search(output)
    if match and 'dir="' not in output[: output.find("<head")]:
        output = _HTML_OPEN.sub(lambda m: f'<html lang="{m.group(1)}" dir="{match.group(1)}"', output, count=1)
    return output
