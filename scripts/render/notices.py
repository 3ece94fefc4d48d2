"""What a reader is told about a page's translation, as page.meta fields for
the templates (overrides/partials/translation-notices.html), and `dir` on <html>.

The state comes from the model (scripts/model/pages.py decides it):

* ``missing``: the page is the Norwegian text shown because no translation
  exists yet (the i18n plugin's fallback);
* ``outdated``: the Norwegian page changed after the translation was made;
* ``machine`` / ``reviewed``: the translation's status. A reviewed
  translation (``status: reviewed`` with a valid ``reviewed_on``) tells the
  reader, in its language, that a qualified translator checked it and when,
  instead of the machine-translation line; once the Norwegian page changes
  again it is ``outdated`` like any other translation.

``translation_state`` is the one word the templates show under "Sources and
review" (missing / outdated / machine / reviewed, or empty for Norwegian).
"""

from __future__ import annotations

import datetime as dt
import html
import re

from scripts.model.dates import as_date
from scripts.model.pages import SourceSite
from scripts.model.urls import page_url


def review_meta(site: SourceSite, path: str, today: dt.date) -> dict:
    """`review_overdue`: the Norwegian page's next review date has passed, so
    readers are told, in their language, that it is due for review."""
    source = site.page(site.default_locale, path)
    due = as_date(source.meta.get("next_review")) if source is not None and source.readable else None
    return {"review_overdue": bool(due and due < today)}


def translation_meta(site: SourceSite, file_locale: str, path: str, build_locale: str) -> dict:
    """The notices a page needs: it was read from docs/<file_locale>/<path>
    for the build of `build_locale`."""
    default = site.default_locale
    meta = {
        "i18n_notice": None,
        "machine_translation": False,
        "translation_reviewed": None,  # the review's day (YYYY-MM-DD) while the review is current
        "translation_state": "",
        # "./" for the home page: the template's `url` filter needs a path.
        "source_page_url": page_url(path) or "./",
        "source_locale": default,
        "build_locale": build_locale,
    }
    if build_locale == default:
        return meta
    if file_locale != build_locale:
        meta["i18n_notice"] = "missing"
        meta["translation_state"] = "missing"
        return meta
    page = site.page(file_locale, path)
    status = page.translation_meta.get("status") if page else None
    meta["machine_translation"] = status == "machine"
    reviewed_on = as_date(page.translation_meta.get("reviewed_on")) if page else None
    if site.state(file_locale, path) == "outdated":
        meta["i18n_notice"] = "outdated"
        meta["translation_state"] = "outdated"
    elif status == "reviewed" and reviewed_on is not None:
        meta["translation_reviewed"] = reviewed_on.isoformat()
        meta["translation_state"] = "reviewed"
    elif status == "machine":
        meta["translation_state"] = "machine"
    return meta


_BODY_DIR = re.compile(r'<body dir="(rtl|ltr)"')
_HTML_OPEN = re.compile(r"<html lang=\"([^\"]+)\"")


def html_dir(output: str) -> str:
    """Put `dir` on <html> too (Material sets it only on <body>), so the whole
    document, including the <head> title, is right-to-left for Arabic."""
    match = _BODY_DIR.search(output)
    if match and 'dir="' not in output[: output.find("<head")]:
        output = _HTML_OPEN.sub(lambda m: f'<html lang="{m.group(1)}" dir="{match.group(1)}"', output, count=1)
    return output


def mark_source_languages(meta: dict, site: SourceSite, path: str, build_locale: str) -> None:
    """Give each source a `lang` where its title is in another language than
    the page: on a translated or fallback page, a title written exactly as on
    the Norwegian page is Norwegian, so screen readers pronounce it so.
    Call after the titles are escaped (render/escape.py): both sides are compared escaped."""
    default = site.default_locale
    source = site.page(default, path)
    if build_locale == default or source is None or not isinstance(meta.get("sources"), list):
        return
    norwegian = source.meta.get("sources") if isinstance(source.meta.get("sources"), list) else []
    titles = {html.escape(str(item.get("title")), quote=True) for item in norwegian if isinstance(item, dict)}
    for item in meta["sources"]:
        if isinstance(item, dict) and item.get("title") in titles:
            item["lang"] = default
