"""No request to another host: nothing in the built site makes a reader's
browser load anything from elsewhere.

Readers' privacy and a cheap phone's data plan both depend on the site
loading only its own files. Links (<a href>) are fine: the reader chooses to
follow them. What is refused is anything the browser loads by itself:
scripts, styles, fonts, images, frames, media, CSS url()/@import, and URLs in
the JavaScript that pages load. Material's own JavaScript bundle is not
loaded (overrides/main.html); if it ever is again, its CDN URLs are reported.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "third_party"
# URLs in the theme's JavaScript that it never requests on this site, and why.
JS_URLS_NEVER_LOADED = {
    "https://api.github.com/repos/": "repository facts: only with repo_url, which this site does not set",
    "https://api.github.com/users/": "repository facts: only with repo_url, which this site does not set",
    "https://clipboardjs.com/": "licence comment",
    "https://${e}/api/v4/projects/": "GitLab repository facts: only with repo_url, which this site does not set",
}
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


def _problem(where: str, what: str) -> Problem:
    return Problem(
        f"site/{where}",
        0,
        f"{what}. The site must not make readers' browsers contact other sites: "
        "save the file in the repository and link it with a relative path, or use a plain link instead.",
        check=NAME,
    )


def _css_problems(where: str, css: str) -> list[Problem]:
    out = []
    for match in CSS_URL.finditer(css):
        url = match.group(1) or match.group(2)
        if url and is_external(url) and not url.startswith("http://www.w3.org/"):
            out.append(_problem(where, f"CSS loads {url} from another host"))
    return out


def check(model: SiteModel) -> list[Problem]:
    site = model.built
    problems: list[Problem] = []
    loaded_scripts: set[str] = set()
    for rel, page in site.pages.items():
        for resource in page.resources:
            if resource.tag == "link":
                rels = set(resource.rel.split())
                if rels and rels <= LINK_RELS_NOT_LOADED:
                    continue
            if is_external(resource.url):
                problems.append(
                    _problem(rel, f"<{resource.tag} {resource.attribute}> loads {resource.url} from another host")
                )
            elif resource.tag == "script" and resource.url and not resource.url.startswith(("data:", "/")):
                folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
                joined = urlsplit(resource.url).path
                loaded_scripts.add(_normalise(f"{folder}/{joined}" if folder else joined))
        for css in page.styles:
            problems += _css_problems(rel, css)
    for rel, css in site.css.items():
        problems += _css_problems(rel, css)
    # Only scripts that pages load: the theme also copies files this site
    # never uses (its lunr search), whose strings are not requests.
    for rel in sorted(loaded_scripts):
        if rel in site.files:
            for match in JS_URL.finditer(site.read_text(rel)):
                url = match.group(0)[1:]
                if url.startswith("//"):
                    url = "https:" + url
                if is_external(url) and not any(url.startswith(ok) for ok in JS_URLS_NEVER_LOADED):
                    problems.append(_problem(rel, f"JavaScript refers to {url} on another host"))
    return sorted(problems)


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
