"""One not-found page per language.

mkdocs-static-i18n renders 404.html once per language into the same root
file, so the last language built wins (plugin issues #284, #326, #349). The
hooks hand each language's rendering to `remember()`; `write()` then puts the
default language's page at the root (GitHub Pages serves that one for every
missing URL; its script shows the message for the URL's language first) and
each other language's page in its own folder, for hosts that look there.
"""

from __future__ import annotations

from pathlib import Path

_rendered: dict[str, str] = {}


def remember(locale: str, html: str) -> None:
    _rendered[locale] = html


def write(site_dir: Path, default_locale: str) -> list[Path]:
    written = []
    for locale, html in sorted(_rendered.items()):
        target = site_dir / "404.html" if locale == default_locale else site_dir / locale / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    _rendered.clear()
    return written
