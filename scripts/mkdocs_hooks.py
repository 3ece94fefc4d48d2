"""MkDocs hooks: wire the checks in scripts/ into every `mkdocs build`.

Kept short on purpose. The logic lives in the check modules, which also run
on their own (`python -m scripts.check_all`). These hooks rely only on MkDocs'
own events and page fields, not on the i18n plugin's internals:

* mkdocs-static-i18n builds each language as a nested build inside the first
  one, so a "build" here can start several times. The source checks run once,
  at the outermost start; the built-site checks run once, when the outermost
  build ends (priority -200: after the i18n plugin has built every language).
* Errors are logged as errors, so `mkdocs build --strict` fails on them.
  Warnings go to the log at INFO level with a "warning:" prefix, so they are
  printed but do not fail a strict build.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import bidi_isolate, check_all, error_pages, html_fixes, page_notices, reader_html, redirects, reproducible, search_index, site_config  # noqa: E402

log = logging.getLogger("mkdocs.hooks.checks")

_depth = 0
# The project as scripts/site_config.py reads it; loaded once per command in
# on_config (mkdocs serve reloads the config, and so this, on every change).
_cfg: site_config.SiteConfig | None = None
# Norwegian terms from the translators' glossaries, marked lang="nb" in translations.
_TERMS = reader_html.load_norwegian_terms(ROOT)


def _checks_wanted() -> bool:
    # SITE_SKIP_CHECKS=1 builds without the checks, so scripts/benchmark.py
    # can measure what they cost. Nothing else should set it.
    return os.environ.get("SITE_SKIP_CHECKS") != "1"


def _report(problems: list[site_config.Problem]) -> None:
    for problem in sorted(problems):
        if problem.severity == "error":
            log.error(str(problem))
        else:
            log.info(str(problem))


def on_startup(command: str, dirty: bool) -> None:
    global _depth
    _depth = 0


def on_build_error(error: Exception) -> None:
    global _depth
    _depth = 0


def on_config(config):
    # Sitemap dates and the sitemap.xml.gz header come from the commit, not
    # from today, so the same commit builds to the same bytes.
    reproducible.set_source_date_epoch(Path(config.config_file_path).parent)
    # Each language's home, for links from pages that have no counterpart in
    # other languages (the 404 page). Derived from the languages in mkdocs.yml.
    global _cfg
    cfg = _cfg = site_config.load_config(Path(config.config_file_path).parent)
    config.extra["language_homes"] = [
        {"lang": lang.locale, "name": lang.name, "path": "" if lang.default else f"{lang.locale}/"}
        for lang in cfg.languages
    ]
    return config


def on_env(env, config, files):
    env.filters.update(mailto_href=reader_html.mailto_href, after_first_h1=reader_html.after_first_h1)
    return env


def on_pre_build(config) -> None:
    global _depth
    _depth += 1
    if _depth == 1 and _checks_wanted():
        _report(check_all.source_problems(_cfg))


def on_page_markdown(markdown: str, page, config, files) -> str:
    page_notices.annotate(_cfg, page, build_locale=config.theme["language"])
    return page_notices.expand_markers(_cfg, markdown, page, build_locale=config.theme["language"])


def on_post_page(output: str, page, config) -> str:
    # bidi_isolate changes only right-to-left pages (<html dir="rtl">).
    # reader_html after bidi_isolate: it works inside the <bdi> runs (issue 13).
    return reader_html.finish(bidi_isolate.isolate(html_fixes.fix(page_notices.finish_html(output), page.canonical_url)), _TERMS)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        output = reader_html.finish(bidi_isolate.isolate(html_fixes.fix(page_notices.finish_html(output))), _TERMS)
        error_pages.remember(config.theme["language"], output)
    return output


@event_priority(-200)
def on_post_build(config) -> None:
    global _depth
    _depth -= 1
    if _depth == 0:
        cfg = _cfg
        site_dir = Path(config.site_dir)
        error_pages.write(site_dir, cfg.default_locale)
        # Pagefind indexes all languages in one run, so only after the last one.
        indexed = search_index.build(site_dir)
        if not indexed.ok:
            log.error("Pagefind could not build the search index:\n%s", indexed.output)
        # Pagefind lists languages in random order: sort them, so the same
        # commit builds to the same bytes.
        reproducible.normalise_site(site_dir)
        # Old addresses from data/redirects.yml, in every language built.
        redirects.write(cfg, site_dir, config["site_url"])
        if _checks_wanted():
            _report(check_all.built_site_problems(cfg, site_dir))

