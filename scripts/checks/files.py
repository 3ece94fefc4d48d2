"""Where pages live: every Markdown file is in a language folder of mkdocs.yml,
and folder and file names are what an address can carry (lowercase a-z, 0-9,
hyphens), so no page gets an address with spaces or capitals."""

from __future__ import annotations

import re

from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.model.slugs import ascii_slug

NAME = "files"
GOOD_PART = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.md)?$")


def check(model: SiteModel) -> list[Problem]:
    cfg = model.cfg
    docs = cfg.rel(cfg.docs_dir)
    languages = ", ".join(f"{docs}/{locale}/" for locale in cfg.locales)
    problems = []
    for stray in model.pages.stray:
        if not stray.folder:
            message = (
                f"this page is directly in {docs}/, outside a language folder, so it is not part of the site. "
                f"Move it into {docs}/{cfg.default_locale}/ (Norwegian) or the folder of its language: {languages}."
            )
        else:
            message = (
                f"'{stray.folder}' is not a language of the site (mkdocs.yml lists {', '.join(cfg.locales)}), "
                f"so this page is never built. Move it into one of {languages}; a new language is added in "
                "mkdocs.yml first (README.md, 'Add a language')."
            )
        problems.append(Problem(stray.shown, 1, message, check=NAME))
    for page in model.pages.all_pages():
        parts = page.path.split("/")
        bad = [part for part in parts if not GOOD_PART.match(part)]
        if bad:
            good = "/".join(
                ascii_slug(part.removesuffix(".md"), "side") + (".md" if part.endswith(".md") else "") for part in parts
            )
            problems.append(
                Problem(
                    page.shown,
                    1,
                    f"the name '{bad[0]}' becomes part of the page's address, which must use only small letters a-z, "
                    f"digits and hyphens (no spaces, capitals or æøå). Rename the file to {docs}/{page.locale}/{good} "
                    "(and its translations), and change links to it.",
                    check=NAME,
                )
            )
    return problems
