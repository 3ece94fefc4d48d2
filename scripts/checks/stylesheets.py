"""Each built page loads the stylesheet parts its elements need.

The build moves the theme's rules for admonitions, tables, cards and buttons
out of the bundle into files of their own (scripts/render/css_split.py) and
links a part's file on each page that has one of its classes or tags
(scripts/model/stylesheet_parts.py). This check reads every built page as
parsed once (scripts/model/built.py) and reports a page whose elements need
a part it does not load: such a page would show, say, a warning box without
its frame and colour. It is a fault in the build, not in a page.
"""

from __future__ import annotations

from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.model.stylesheet_parts import needed

NAME = "stylesheets"


def check(model: SiteModel) -> list[Problem]:
    site = model.built
    if not any(rel.startswith("assets/stylesheets/bundle-") for rel in site.files):
        return []  # a build without the bundle (mkdocs serve): every page links the theme's whole stylesheet
    problems = []
    for rel, page in sorted(site.pages.items()):
        loaded = {r.url.rsplit("/", 1)[-1] for r in page.resources if r.tag == "link"}
        for part in needed(page.classes, page.tags):
            name = part.file.rsplit("/", 1)[1]
            if name not in loaded:
                problems.append(
                    Problem(
                        f"site/{rel}",
                        0,
                        f"the page has {part.name} ({', '.join(sorted(part.classes | part.tags))}) but does not "
                        f"load {part.file}, so they show without their style. This is a fault in the build, not "
                        "in the page: report it to the developers (scripts/render/css_split.py, link_parts).",
                        check=NAME,
                    )
                )
    return problems
