"""Old page addresses that lead to new ones: data/redirects.yml and its pages.

data/redirects.yml has one line per renamed or removed page, with paths as in
the `nav:` list of mkdocs.yml (the page's path inside a language folder):

    gammel-side/index.md: ny-side/index.md
    annen-side/index.md: ny-side/index.md#et-avsnitt

One line works in every language. After the build (the hooks' last
on_post_build) `write()` puts a small page at each old address, in each
language: /gammel-side/ leads to /ny-side/, /en/gammel-side/ to
/en/ny-side/ (the English page, or the Norwegian one shown in its place), and
so on. The page is in that language (<html lang dir>, title and text from
overrides/partials/languages/<locale>.html, keys "site.redirect.*"). It sends
the reader on with a script that keeps the address's #fragment, with
<meta http-equiv="refresh"> when JavaScript is off, and with a link. Search
engines are told not to index it (robots noindex) and where the page is now
(canonical). Links are relative, so the site works under any subpath.

scripts/check_urls.py checks the file (a redirect to a page that does not
exist, or away from a page that still exists, is an error) and tells editors
which line to add when a published address disappears.

    python -m scripts.redirects               # list every redirect, per language
    python -m scripts.redirects --site DIR    # write the redirect pages into a built site
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.site_config import Problem, SiteConfig, load_config, print_problems

FILE = Path("data") / "redirects.yml"
CHECK = "urls"
FORMAT = "Each line must be 'old-page/index.md: new-page/index.md', with no spaces in front (or only '{}' when there are none)"
# Used only if the language files lack the keys (translation_coverage reports that).
FALLBACK_TEXTS = {"site.redirect.title": "This page has moved", "site.redirect.text": "This page has a new address:", "site.redirect.link": "Go to the new page"}


@dataclass(frozen=True)
class Redirect:
    old: str  # gammel-side/index.md
    new: str  # ny-side/index.md, ny-side/index.md#anker or https://...
    line: int  # in data/redirects.yml

    @property
    def external(self) -> bool:
        return self.new.lower().startswith(("http://", "https://"))

    @property
    def target(self) -> str:
        """The new page without its #fragment."""
        return self.new.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        """'#anker', or '' when the line names none."""
        return "#" + self.new.split("#", 1)[1] if "#" in self.new else ""


def read(cfg: SiteConfig) -> tuple[list[Redirect], list[Problem]]:
    """The redirects in data/redirects.yml with their line numbers, and what
    makes lines unreadable. A missing file or `{}` means no redirects."""
    path = cfg.root / FILE
    if not path.exists():
        return [], []
    rel = FILE.as_posix()
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "unreadable"
        return [], [Problem(rel, mark.line + 1 if mark else 1, f"this file is not valid YAML ({problem}). {FORMAT}.", check=CHECK)]
    if node is None:  # only comments
        return [], []
    if not isinstance(node, yaml.MappingNode):
        return [], [Problem(rel, node.start_mark.line + 1, f"this is not a list of redirects. {FORMAT}.", check=CHECK)]
    redirects: list[Redirect] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)) or not key.value.strip() or not value.value.strip():
            problems.append(Problem(rel, line, f"this line is not one redirect. {FORMAT}.", check=CHECK))
            continue
        old, new = key.value.strip(), value.value.strip()
        if old in first_line:
            problems.append(Problem(rel, line, f"'{old}' already has a redirect on line {first_line[old]}. Keep only one of the two lines.", check=CHECK))
            continue
        first_line[old] = line
        redirects.append(Redirect(old, new, line))
    return redirects, problems


def where_to_add(cfg: SiteConfig) -> tuple[int, str]:
    """(line, how) for a new line: ('{}' on line N: replace it) or (last line: add below)."""
    path = cfg.root / FILE
    if not path.exists():
        return 0, "create"
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    if isinstance(node, yaml.MappingNode) and node.flow_style and not node.value:
        return node.start_mark.line + 1, "replace"
    return max(text.count("\n"), 1), "append"


def page_url(path: str) -> str:
    """ny-side/index.md -> ny-side/; side.md -> side/; index.md -> '' (directory URLs)."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    return stem if not stem or stem.endswith("/") else stem + "/"


def is_page_path(path: str) -> bool:
    return path.endswith(".md") and not path.startswith("/") and ".." not in path.split("/") and "\\" not in path


def target_exists(cfg: SiteConfig, redirect: Redirect) -> bool:
    return redirect.external or (is_page_path(redirect.target) and (cfg.lang_dir(cfg.default_locale) / redirect.target).is_file())


def old_page_exists(cfg: SiteConfig, redirect: Redirect) -> bool:
    return (cfg.lang_dir(cfg.default_locale) / redirect.old).is_file()


def usable(cfg: SiteConfig, redirect: Redirect) -> bool:
    """A redirect the build writes (check_urls explains the others)."""
    return is_page_path(redirect.old) and page_url(redirect.old) != "" and target_exists(cfg, redirect) and not old_page_exists(cfg, redirect)


# ---------------------------------------------------------------- pages


def language_texts(cfg: SiteConfig, locale: str) -> dict[str, str]:
    """The interface texts of one language; the default language's fill gaps."""
    default = cfg.interface_texts(cfg.default_locale)
    texts = {key: default.get(key, text) for key, text in FALLBACK_TEXTS.items()}
    texts.update(language=locale, direction="ltr")
    texts.update(cfg.interface_texts(locale))
    return texts


def page_html(texts: dict[str, str], href: str, fragment: str, canonical: str | None) -> str:
    """One redirect page. `href` is relative and has no fragment; `fragment`
    is the line's own ('#anker' or ''); an address's own #fragment wins."""
    esc = lambda value: html.escape(value, quote=True)  # noqa: E731
    js = lambda value: json.dumps(value).replace("<", "\\u003c")  # noqa: E731
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
        f'<p>{esc(texts["site.redirect.text"])} <a href="{esc(href + fragment)}">{esc(texts["site.redirect.link"])}</a></p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def _prefix(cfg: SiteConfig, locale: str) -> str:
    return "" if locale == cfg.default_locale else f"{locale}/"


def write(cfg: SiteConfig, site_dir: Path, site_url: str | None) -> list[Path]:
    """Write site/<old>/index.html (and site/<locale>/<old>/index.html) for
    every usable redirect, in each language the build made."""
    redirects = [r for r in read(cfg)[0] if usable(cfg, r)]
    written: list[Path] = []
    for lang in cfg.languages if redirects else []:
        prefix = _prefix(cfg, lang.locale)
        if not (site_dir / prefix / "index.html").is_file():
            continue  # a preview that builds only some languages
        texts = language_texts(cfg, lang.locale)
        for redirect in redirects:
            old_url = page_url(redirect.old)
            if redirect.external:
                href, canonical = redirect.target, redirect.target
            else:
                new_url = page_url(redirect.target)
                href = "../" * old_url.count("/") + new_url
                canonical = site_url.rstrip("/") + "/" + prefix + new_url if site_url else None
            target = site_dir / prefix / old_url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page_html(texts, href, redirect.fragment, canonical), encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--site", type=Path, default=None, help="write the redirect pages into this built site (the build does this itself)")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    redirects, problems = read(cfg)
    print_problems(problems)
    if args.site:
        site_url = os.environ.get("SITE_URL") or cfg.raw.get("site_url")
        written = write(cfg, args.site, site_url)
        print(f"wrote {len(written)} redirect page(s) into {cfg.rel(args.site)}", file=sys.stderr)
        return 1 if problems else 0
    for redirect in redirects:
        state = "" if usable(cfg, redirect) else "   (not written: see python -m scripts.check_urls)"
        for lang in cfg.languages:
            prefix = _prefix(cfg, lang.locale)
            new = redirect.target if redirect.external else f"/{prefix}{page_url(redirect.target)}"
            print(f"{FILE.as_posix()}:{redirect.line}: /{prefix}{page_url(redirect.old)} -> {new}{redirect.fragment}{state}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
