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
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import check_all, error_pages, page_notices, site_config, third_party  # noqa: E402

log = logging.getLogger("mkdocs.hooks.checks")

_depth = 0


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
    # Each language's home, for links from pages that have no counterpart in
    # other languages (the 404 page). Derived from the languages in mkdocs.yml.
    cfg = site_config.load_config(Path(config.config_file_path).parent)
    config.extra["language_homes"] = [
        {"lang": lang.locale, "name": lang.name, "path": "" if lang.default else f"{lang.locale}/"}
        for lang in cfg.languages
    ]
    return config


def on_pre_build(config) -> None:
    global _depth
    _depth += 1
    if _depth == 1:
        cfg = site_config.load_config(Path(config.config_file_path).parent)
        _report(check_all.source_problems(cfg))


def on_page_markdown(markdown: str, page, config, files) -> str:
    cfg = site_config.load_config(Path(config.config_file_path).parent)
    page_notices.annotate(cfg, page, build_locale=config.theme["language"])
    return page_notices.expand_markers(cfg, markdown, page, build_locale=config.theme["language"])


def on_post_page(output: str, page, config) -> str:
    return page_notices.finish_html(output)


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        output = page_notices.finish_html(output)
        error_pages.remember(config.theme["language"], output)
    return output


@event_priority(-200)
def on_post_build(config) -> None:
    global _depth
    _depth -= 1
    if _depth == 0:
        cfg = site_config.load_config(Path(config.config_file_path).parent)
        site_dir = Path(config.site_dir)
        error_pages.write(site_dir, cfg.default_locale)
        third_party.defuse_theme_bundle(site_dir)
        _report(check_all.built_site_problems(cfg, site_dir))

