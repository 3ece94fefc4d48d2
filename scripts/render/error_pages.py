"""One not-found page per language.

mkdocs-static-i18n renders 404.html once per language into the same root
file, so the last language built wins (plugin issues #284, #326, #349). The
hooks collect each language's rendering; `write()` then puts the default
language's page at the root (GitHub Pages serves that one for every missing
URL; its script shows the message for the URL's language first) and each
other language's page in its own folder, for hosts that look there.
"""

from __future__ import annotations

from pathlib import Path


def write(site_dir: Path, default_locale: str, rendered: dict[str, str]) -> list[Path]:
    """`rendered`: locale -> that language's finished 404 page."""
    written = []
    for locale, html in sorted(rendered.items()):
        target = site_dir / "404.html" if locale == default_locale else site_dir / locale / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(target)
    return written
