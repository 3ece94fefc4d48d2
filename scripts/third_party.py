"""No request to another host: find URLs in the built site that would make
a reader's browser load something from elsewhere.

Readers' privacy and a cheap phone's data plan both depend on the site
loading only its own files. Links (<a href>) are fine: the reader chooses to
follow them. What is refused is anything the browser loads by itself:
scripts, styles, fonts, images, frames, media, CSS url()/@import, and URLs
that JavaScript loads.

Material's own JavaScript bundle is not loaded (overrides/main.html), so its
unpkg.com fallbacks for mermaid and a ResizeObserver polyfill never run; if
it is ever loaded again, this check reports those URLs.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.site_config import Problem, SiteConfig, load_config, print_problems

# URLs in the theme's JavaScript that it never requests on this site, and why.
JS_URLS_NEVER_LOADED = {
    "https://api.github.com/repos/": "repository facts: only with repo_url, which this site does not set",
    "https://api.github.com/users/": "repository facts: only with repo_url, which this site does not set",
    "https://clipboardjs.com/": "licence comment",
    "https://${e}/api/v4/projects/": "GitLab repository facts: only with repo_url, which this site does not set",
}

# (selector, attribute) pairs whose URL the browser fetches by itself.
HTML_RESOURCES = (
    ("script[src]", "src"),
    ("link[href]", "href"),
    ("img[src]", "src"),
    ("img[srcset]", "srcset"),
    ("source[src]", "src"),
    ("source[srcset]", "srcset"),
    ("iframe[src]", "src"),
    ("frame[src]", "src"),
    ("embed[src]", "src"),
    ("object[data]", "data"),
    ("video[src]", "src"),
    ("video[poster]", "poster"),
    ("audio[src]", "src"),
    ("track[src]", "src"),
    ("input[src]", "src"),
)
# <link rel> values that are references, not loads.
LINK_RELS_NOT_LOADED = {"canonical", "alternate", "prev", "next", "license", "author", "help", "search"}

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_URL = re.compile(r"""["'`](https?:)?//[^"'`\s]+""")


def is_external(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def find_external_resources(cfg: SiteConfig, site_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    loaded_scripts: set[Path] = set()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(site_dir).as_posix()
        suffix = path.suffix
        if suffix == ".html":
            tree = HTMLParser(path.read_text(encoding="utf-8"))
            for selector, attr in HTML_RESOURCES:
                for node in tree.css(selector):
                    if node.tag == "link":
                        rels = set((node.attributes.get("rel") or "").lower().split())
                        if rels and rels <= LINK_RELS_NOT_LOADED:
                            continue
                    value = node.attributes.get(attr) or ""
                    urls = _srcset_urls(value) if attr == "srcset" else [value]
                    for url in urls:
                        if is_external(url):
                            problems.append(_problem(where, f"<{node.tag} {attr}> loads {url} from another host"))
                        elif node.tag == "script" and url and not url.startswith(("data:", "/")):
                            loaded_scripts.add((path.parent / urlsplit(url).path).resolve())
            for node in tree.css("style"):
                problems += _css_problems(where, node.text())
            for node in tree.css("[style]"):
                problems += _css_problems(where, node.attributes.get("style") or "")
        elif suffix == ".css":
            problems += _css_problems(where, path.read_text(encoding="utf-8"))
    # Only scripts that pages load: the theme also copies files this site
    # never uses (its lunr search), whose strings are not requests.
    for path in sorted(loaded_scripts):
        if path.is_file():
            where = path.relative_to(site_dir.resolve()).as_posix()
            text = path.read_text(encoding="utf-8")
            for match in JS_URL.finditer(text):
                url = match.group(0)[1:]
                if url.startswith("//"):
                    url = "https:" + url
                if is_external(url) and not any(url.startswith(ok) for ok in JS_URLS_NEVER_LOADED):
                    problems.append(_problem(where, f"JavaScript refers to {url} on another host"))
    return problems


def _css_problems(where: str, css: str) -> list[Problem]:
    out = []
    for match in CSS_URL.finditer(css):
        url = match.group(1) or match.group(2)
        if url and is_external(url) and not url.startswith("http://www.w3.org/"):
            out.append(_problem(where, f"CSS loads {url} from another host"))
    return out


def _problem(where: str, what: str) -> Problem:
    return Problem(
        f"site/{where}",
        0,
        f"{what}. The site must not make readers' browsers contact other sites: "
        "save the file in the repository and link it with a relative path, or use a plain link instead.",
        check="third_party",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List files in a built site that would load anything from another host.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=None, help="built site folder (default: site/)")
    args = parser.parse_args(argv)
    cfg = load_config()
    problems = find_external_resources(cfg, args.site_dir or cfg.site_dir)
    print_problems(problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
