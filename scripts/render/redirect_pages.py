"""A small page at each old address of data/redirects.yml, in every language built.

/gammel-side/ leads to /ny-side/, /en/gammel-side/ to /en/ny-side/, and so
on. Each page is in its language (<html lang dir>, title and text from the
interface strings "site.redirect.*"), sends the reader on with a script that
keeps the address's #fragment, with <meta http-equiv="refresh"> when
JavaScript is off, and with a link; search engines are told not to index it
(robots noindex) and where the page is now (canonical). Links are relative,
so the site works under any subpath.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from scripts.model.config import SiteConfig
from scripts.model.interface import Interface
from scripts.model.redirects import Redirect
from scripts.model.urls import page_url, prefix
from scripts.render import csp

# Used only if the language files lack the keys (the translation check reports that).
FALLBACK_TEXTS = {
    "site.redirect.title": "This page has moved",
    "site.redirect.text": "This page has a new address:",
    "site.redirect.link": "Go to the new page",
}


def page_html(texts: dict[str, str], href: str, fragment: str, canonical: str | None) -> str:
    """One redirect page. `href` is relative and has no fragment; `fragment`
    is the line's own ('#anker' or ''); an address's own #fragment wins."""

    def esc(value: str) -> str:
        return html.escape(value, quote=True)

    def js(value: str) -> str:
        return json.dumps(value).replace("<", "\\u003c")

    title = esc(texts["site.redirect.title"])
    lines = [
        "<!doctype html>",
        f'<html lang="{esc(texts["language"])}" dir="{esc(texts["direction"])}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        *([f'<link rel="canonical" href="{esc(canonical)}">'] if canonical else []),
        f"<script>location.replace({js(href)} + (location.hash || {js(fragment)}))</script>",
        f'<meta http-equiv="refresh" content="0; url={esc(href + fragment)}">',
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f"<p>{esc(texts['site.redirect.text'])} "
        f'<a href="{esc(href + fragment)}">{esc(texts["site.redirect.link"])}</a></p>',
        "</body>",
        "</html>",
    ]
    return csp.add_policy("\n".join(lines) + "\n")


def write(
    cfg: SiteConfig, interface: Interface, redirects: list[Redirect], site_dir: Path, site_url: str | None
) -> list[Path]:
    """Write site/<old>/index.html (and site/<locale>/<old>/index.html) for
    each redirect (the usable ones, as the urls check decides), in each
    language the build made."""
    written: list[Path] = []
    for lang in cfg.languages if redirects else []:
        lang_prefix = prefix(cfg, lang.locale)
        if not (site_dir / lang_prefix / "index.html").is_file():
            continue  # a preview that builds only some languages
        texts = {**FALLBACK_TEXTS, **interface.texts_with_fallback(lang.locale)}
        for redirect in redirects:
            old_url = page_url(redirect.old)
            if redirect.external:
                href, canonical = redirect.target, redirect.target
            else:
                new_url = page_url(redirect.target)
                href = "../" * old_url.count("/") + new_url
                canonical = site_url.rstrip("/") + "/" + lang_prefix + new_url if site_url else None
            target = site_dir / lang_prefix / old_url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_html(texts, href, redirect.fragment, canonical), encoding="utf-8")
            written.append(target)
    return written
