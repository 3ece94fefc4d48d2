"""Links between pages, in the Markdown: the page and the #heading exist.

The editors' fast check (`python3 scripts/docs.py check`) catches a broken
link before any build. A link resolves like the built site does: to the page
in the same language, or to the Norwegian page shown in its place. In a build
the built-site link check covers every link (templates too), so this check
is left out there and each mistake gives one message.
"""

from __future__ import annotations

import posixpath
import re

from scripts.model.pages import INLINE_CODE, SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "links"
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}|\bid=[\"']([^\"']+)[\"']")


def _ids(page: SourcePage) -> set[str]:
    ids = page.heading_ids
    for match in EXPLICIT_ID.finditer(page.body):
        ids.add(match.group(1) or match.group(2))
    return ids


def _targets(page: SourcePage):
    for line in page.lines:
        if line.in_code:
            continue
        text = INLINE_CODE.sub("", line.text)
        for match in list(MD_LINK.finditer(text)) + list(REFERENCE.finditer(text)):
            yield line.number, match.group(1)


def check(model: SiteModel) -> list[Problem]:
    if model.site_dir is not None:
        return []  # the built-site link check reports these, at the same lines
    site = model.pages
    default = model.cfg.default_locale
    problems = []
    for page in site.all_pages():
        if not page.readable:
            continue
        for number, href in _targets(page):
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("/"):
                continue  # https:, mailto:, tel:, site-absolute: not a page of docs/
            target, _, fragment = href.partition("#")
            if not target:
                found = page
            elif target.endswith(".md"):
                path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), target))
                found = site.page(page.locale, path) or site.page(default, path)
                if found is None:
                    problems.append(
                        Problem(
                            page.shown,
                            number,
                            f'the link "{href}" goes to a page that does not exist '
                            f"({model.cfg.rel(model.cfg.lang_dir(default) / path)}). "
                            "Correct the link, or create the page it points to.",
                            check=NAME,
                        )
                    )
                    continue
            else:
                continue  # an image or a file: the built-site check follows it
            if fragment and "<!--" not in found.body and fragment not in _ids(found):
                problems.append(
                    Problem(
                        page.shown,
                        number,
                        f'the link "{href}" goes to a heading that does not exist ("#{fragment}" on '
                        f"{found.shown}). Correct the link, or give the heading that id ({{#{fragment}}}).",
                        check=NAME,
                    )
                )
    return problems
