"""Translations: metadata, orphans, what is missing or outdated; and the interface strings.

* every translation has a ``translation:`` block with ``status`` (machine or
  reviewed) and ``source_hash`` (the Norwegian page's content hash);
* a reviewed translation says who checked it (``reviewed_by``: a role or an
  organisation) and when (``reviewed_on``: a real date, not in the future);
* a translation without a Norwegian page (an orphan) is an error;
* every page of translations/review-priority.yml exists;
* outdated translations and each language's missing pages are warnings;
* every key of the default language's interface strings and of Material's
  own en.html is in every language's file.
"""

from __future__ import annotations

import datetime as dt
import re

from scripts.model.dates import as_date
from scripts.model.interface import material_languages_dir, parse
from scripts.model.pages import SourcePage
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

STAMP_COMMAND = "python -m scripts stamp"
TRANSLATION_STATUSES = ("machine", "reviewed")
HASH = re.compile(r"^[0-9a-f]{12}$")


def meta_problems(page: SourcePage, today: dt.date) -> list[Problem]:
    """Problems with a translation's `translation:` block (status, source_hash, the review)."""
    if not page.readable:
        return []  # the content check reports unreadable front matter
    path = page.shown
    how = (
        f"Run: {STAMP_COMMAND} {path} (it adds 'translation:' with 'status: machine' "
        "and the code of the Norwegian page)"
    )
    if "translation" not in page.meta:
        return [Problem(path, 1, f"the front matter has no 'translation' field. {how}", check="translation")]
    line = page.line_of("translation")
    tr = page.meta["translation"]
    if not isinstance(tr, dict):
        return [
            Problem(
                path,
                line,
                f"'translation' must have the fields 'status' and 'source_hash' on their own lines. {how}",
                check="translation",
            )
        ]
    problems = []
    status = tr.get("status")
    if status not in TRANSLATION_STATUSES:
        problems.append(
            Problem(
                path,
                line,
                f"translation status is {status!r}; it must be 'machine' (not yet checked "
                "by a qualified person) or 'reviewed'. Fix the 'status:' line under 'translation:'.",
                check="translation",
            )
        )
    value = page.recorded_hash
    if value is None or not HASH.match(value):
        shown = repr(value) if value is not None else "missing"
        problems.append(
            Problem(
                path,
                line,
                f"translation source_hash is {shown}; it must be the 12-character code of "
                f"the Norwegian page. Run: {STAMP_COMMAND} {path}",
                check="translation",
            )
        )
    if status == "reviewed":
        problems += review_problems(page, today)
    return problems


def review_problems(page: SourcePage, today: dt.date) -> list[Problem]:
    """A reviewed translation names who reviewed it (a role or an organisation) and the day."""
    tr, path, problems = page.meta["translation"], page.shown, []
    line = page.line_of("translation")
    who = tr.get("reviewed_by")
    if not isinstance(who, str) or not who.strip():
        problems.append(
            Problem(
                path,
                page.line_of("translation", "reviewed_by") if "reviewed_by" in tr else line,
                "a reviewed translation must say who reviewed it. Add under 'translation:' a line "
                "'reviewed_by: \"...\"' with the reviewer's role or organisation (for example \"Tolk, Somalisk "
                "forening\"); a private person's name is not needed.",
                check="translation",
            )
        )
    when = tr.get("reviewed_on")
    date = as_date(when) if when is not None else None
    if when is None:
        problems.append(
            Problem(
                path,
                line,
                "a reviewed translation must say when it was reviewed. Add under 'translation:' a line "
                "'reviewed_on: YYYY-MM-DD' with the day of the review.",
                check="translation",
            )
        )
    elif date is None:
        problems.append(
            Problem(
                path,
                page.line_of("translation", "reviewed_on"),
                f"reviewed_on is {str(when)!r}, not a date. Write the day of the review as YYYY-MM-DD.",
                check="translation",
            )
        )
    elif date > today:
        problems.append(
            Problem(
                path,
                page.line_of("translation", "reviewed_on"),
                f"reviewed_on is {date.isoformat()}, a day in the future. Write the day the review was done "
                "(YYYY-MM-DD).",
                check="translation",
            )
        )
    return problems


def priority_problems(model: SiteModel) -> list[Problem]:
    """translations/review-priority.yml names Norwegian pages that exist."""
    from scripts.model.review_priority import FILE

    problems = list(model.review_priority.problems)
    known = set(model.pages.reader_paths)
    for path, line in model.review_priority.pages:
        if path not in known:
            problems.append(
                Problem(
                    FILE,
                    line,
                    f"'{path}' is not a Norwegian page for readers. Write its path as in nav: in mkdocs.yml "
                    "(for example rettigheter/index.md), or delete the line.",
                    check="translation",
                )
            )
    return problems


def interface_problems(model: SiteModel) -> list[Problem]:
    cfg, interface = model.cfg, model.interface
    if cfg.interface_dir is None:
        return []
    default_file = interface.files.get(cfg.default_locale)
    wanted: dict[str, str] = {}  # key -> file it comes from
    material_en = material_languages_dir() / "en.html"
    for source, label in (
        (parse(material_en) if material_en.exists() else None, "Material's en.html"),
        (default_file, default_file and cfg.rel(default_file.path)),
    ):
        if source:
            for key in source.lines:
                wanted.setdefault(key, label)
    problems = []
    default_path = cfg.rel(cfg.interface_dir / f"{cfg.default_locale}.html")
    for lang in cfg.languages:
        found = interface.files.get(lang.locale)
        path = cfg.rel(cfg.interface_dir / f"{lang.locale}.html")
        if found is None:
            if (material_languages_dir() / f"{lang.locale}.html").exists() and not any(
                k.startswith("site.") for k in wanted
            ):
                continue
            problems.append(
                Problem(
                    path,
                    0,
                    f"the interface texts for '{lang.locale}' are missing. Copy {default_path} "
                    "to this name and translate the texts.",
                    check="interface",
                )
            )
            continue
        for key in wanted:
            if key not in found.lines:
                problems.append(
                    Problem(
                        path,
                        found.last_line,
                        f'the interface text "{key}" is missing. Copy its line from {wanted[key]} '
                        "into this file and translate the text.",
                        check="interface",
                    )
                )
    return problems


def check(model: SiteModel) -> list[Problem]:
    """Orphans, malformed metadata and missing interface strings are errors;
    outdated pages and each language's missing pages are warnings."""
    cfg, site = model.cfg, model.pages
    problems: list[Problem] = priority_problems(model)
    default = cfg.default_locale
    for locale in cfg.translation_locales:
        missing = 0
        for path, page in site.pages.get(locale, {}).items():
            if page.for_editors:
                continue
            state = site.state(locale, path)
            if state == "orphan":
                problems.append(
                    Problem(
                        page.shown,
                        1,
                        f"this translation has no Norwegian page ({cfg.rel(cfg.lang_dir(default) / path)} "
                        "does not exist). Move it to the same path as its Norwegian page, or delete it.",
                        check="coverage",
                    )
                )
                continue
            malformed = meta_problems(page, model.today)
            problems += malformed
            source = site.source_of(page)
            if state == "outdated" and not malformed and source is not None and source.readable:
                problems.append(
                    Problem(
                        page.shown,
                        1,
                        f"the Norwegian page {source.shown} has changed since this translation was "
                        "made; readers see an 'outdated' notice. Update the translation, then run: "
                        f"{STAMP_COMMAND} {page.shown}",
                        severity="warning",
                        check="coverage",
                    )
                )
        missing = sum(1 for path in site.reader_paths if site.state(locale, path) == "missing")
        if missing:
            total = len(site.reader_paths)
            problems.append(
                Problem(
                    cfg.rel(cfg.lang_dir(locale)),
                    0,
                    f"{missing} of {total} pages are not translated yet (readers get the Norwegian "
                    "text with a notice). See: python -m scripts coverage",
                    severity="warning",
                    check="coverage",
                )
            )
    return problems
