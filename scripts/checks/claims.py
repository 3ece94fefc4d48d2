"""The review logs in data/claims/: each names a Norwegian page that exists,
and every claim has a primary https source, what the source says, a real
date and a known result. (What the claims say is for reviewers to judge.)"""

from __future__ import annotations

from scripts.checks.content import is_https_url
from scripts.model.claims import RESULTS
from scripts.model.dates import as_date
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "claims"
FIELDS = ("claim", "provision", "source", "source_says", "checked", "result", "note")
REQUIRED = ("claim", "source_says", "checked", "result")
# A claim that stands on the page needs its source: a public https page, or,
# for what the site says about itself, the file of this repository that shows it.
NEEDS_SOURCE = ("confirmed", "corrected")


def check(model: SiteModel) -> list[Problem]:
    problems: list[Problem] = []
    default = model.cfg.default_locale
    logged = {f.data.get("page") for f in model.claims.files if isinstance(f.data, dict)}
    for path in model.pages.reader_paths:
        if path not in logged:
            page = model.pages.page(default, path)
            problems.append(
                Problem(
                    page.shown,
                    page.line_of("last_reviewed"),
                    "no review log records what supports the claims on this page. Add data/claims/"
                    f"{path.split('/')[0] if '/' in path else 'index'}.yml (see data/README.md) when you review it.",
                    "warning",
                    NAME,
                )
            )
    for file in model.claims.files:
        problems += [Problem(p.path, p.line, p.message, p.severity, NAME) for p in file.read_problems]
        data = file.data
        if file.read_problems and data is None:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            problems.append(
                Problem(
                    file.shown,
                    1,
                    "the file must have 'page: <folder>/index.md' and 'claims:' followed by '- "
                    "claim: ...' entries (see data/README.md).",
                    check=NAME,
                )
            )
            continue
        page = data.get("page")
        is_data_file = isinstance(page, str) and page.startswith("data/") and (model.cfg.root / page).is_file()
        if not is_data_file and (not isinstance(page, str) or model.pages.page(default, page) is None):
            problems.append(
                Problem(
                    file.shown,
                    data.line_of("page"),
                    f"'page: {page}' is not a Norwegian page or a data file. Write a page's path as in nav: of "
                    "mkdocs.yml, e.g. 'rettigheter/index.md', or a data file's as 'data/offers.yml'.",
                    check=NAME,
                )
            )
        for number, entry in enumerate(data["claims"], start=1):
            line = data["claims"].line_of(number - 1)
            if not isinstance(entry, dict):
                problems.append(
                    Problem(
                        file.shown,
                        line,
                        f"claim number {number} must be a block of 'field: value' lines starting with '- claim: ...'.",
                        check=NAME,
                    )
                )
                continue
            for key in REQUIRED:
                if entry.get(key) in (None, ""):
                    problems.append(
                        Problem(
                            file.shown,
                            line,
                            f"claim number {number} has no '{key}'. Add it: {', '.join(REQUIRED)} are "
                            "needed so the next reviewer can repeat the check.",
                            check=NAME,
                        )
                    )
            for key in entry:
                if key not in FIELDS:
                    problems.append(
                        Problem(
                            file.shown,
                            entry.line_of(key),
                            f"unknown field '{key}' in claim number {number}. The fields are: {', '.join(FIELDS)}.",
                            check=NAME,
                        )
                    )
            if entry.get("source") in (None, "") and entry.get("result") in NEEDS_SOURCE:
                problems.append(
                    Problem(
                        file.shown,
                        line,
                        f"claim number {number} is {entry['result']} but has no 'source'. Add the https address of the "
                        "page that supports it (or, for what the site says about itself, the file that shows it).",
                        check=NAME,
                    )
                )
            source = str(entry.get("source") or "")
            if source and not is_https_url(source) and not (model.cfg.root / source).is_file():
                problems.append(
                    Problem(
                        file.shown,
                        entry.line_of("source"),
                        f"the source {entry['source']!r} of claim number {number} must be a complete https:// address "
                        "(or a file of this repository).",
                        check=NAME,
                    )
                )
            if entry.get("checked") not in (None, "") and (
                as_date(entry["checked"]) is None or as_date(entry["checked"]) > model.today
            ):
                problems.append(
                    Problem(
                        file.shown,
                        entry.line_of("checked"),
                        f"'checked: {entry['checked']}' of claim number {number} must be the real "
                        "day the source was read, as YYYY-MM-DD.",
                        check=NAME,
                    )
                )
            if entry.get("result") not in (None, "") and entry["result"] not in RESULTS:
                problems.append(
                    Problem(
                        file.shown,
                        entry.line_of("result"),
                        f"the result '{entry['result']}' of claim number {number} must be one of: "
                        f"{', '.join(RESULTS)}.",
                        check=NAME,
                    )
                )
    return problems
