"""The menu (nav: in mkdocs.yml) and the pages agree: every reader page is in
the menu, and every menu entry is a page. MkDocs only prints these (its
validation is set to info), so this check is what stops the build."""

from __future__ import annotations

from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "navigation"


def check(model: SiteModel) -> list[Problem]:
    cfg = model.cfg
    default = cfg.default_locale
    listed = set(cfg.nav_files)
    if not listed:
        return []  # no nav: MkDocs builds the menu from the folders
    problems = []
    for path in cfg.nav_files:
        if model.pages.page(default, path) is None:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    cfg.nav_lines.get(path, 0),
                    f"the menu (nav:) lists '{path}', but {cfg.rel(cfg.lang_dir(default) / path)} "
                    "does not exist. Correct the path, or create the page.",
                    check=NAME,
                )
            )
    for path, page in sorted(model.pages.pages.get(default, {}).items()):
        if path not in listed and not page.for_editors:
            problems.append(
                Problem(
                    page.shown,
                    1,
                    "the page is not in the menu, so readers cannot find it. Add the line '- "
                    f"{path}' under a section of nav: in mkdocs.yml (see README.md, 'Add a page').",
                    check=NAME,
                )
            )
    return problems
