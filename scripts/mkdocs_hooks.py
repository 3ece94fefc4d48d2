"""MkDocs hooks: MkDocs events only, wiring the model, the checks and the renderers.

Nothing is judged or written here: the model (scripts/model) is read once per
build, the checks (scripts/checks) judge it, the renderers (scripts/render)
write. The same checks run from `python -m scripts check`, on the sources and
on any built site, so they do not depend on this engine.

* mkdocs-static-i18n builds each language as a nested build inside the first
  one, so a "build" here starts several times: the source checks run at the
  outermost start, the built-site checks once, when the outermost build ends
  (priority -200: after the i18n plugin has built every language).
* Errors are logged as errors, so `mkdocs build --strict` fails on them.
  Warnings go to the log at INFO level with a "warning:" prefix, so they are
  printed but do not fail a strict build.
* The day review dates are judged against is the build's clock, or
  SITE_TODAY=YYYY-MM-DD (how tests build as if it were another day).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from scripts import checks  # noqa: E402
from scripts.checks import offers as offers_check  # noqa: E402
from scripts.checks import urls as urls_check  # noqa: E402
from scripts.model.config import from_mkdocs  # noqa: E402
from scripts.model.site import SiteModel  # noqa: E402
from scripts.model.urls import split_source  # noqa: E402
from scripts.render import (  # noqa: E402
    bidi,
    build_cache,
    csp,
    css_prune,
    css_split,
    error_pages,
    escape,
    html_fixes,
    minify,
    notices,
    reader_html,
    redirect_pages,
    reproducible,
    search_index,
    template_cache,
    theme_files,
)
from scripts.render import guide as guide_render  # noqa: E402
from scripts.render import offers as offers_render  # noqa: E402

log = logging.getLogger("mkdocs.hooks.checks")

_depth = 0
_model: SiteModel | None = None  # read once per build (mkdocs serve: per rebuild)
_not_found_pages: dict[str, str] = {}  # locale -> finished 404 page
_serving = False  # `mkdocs serve`: a local preview
_guide_pages: dict[str, str] = {}  # locale -> the guide's finished start page (the shell of its step pages)
_bundled_css: list[str] = []  # mkdocs.yml extra_css, served inside css_prune.BUNDLE in a build


def _today() -> dt.date:
    value = os.environ.get("SITE_TODAY")
    try:
        return dt.date.fromisoformat(value) if value else dt.date.today()
    except ValueError:
        log.error("SITE_TODAY=%s is not a date. Write it as YYYY-MM-DD, or unset it to use today.", value)
        return dt.date.today()


def _checks_wanted() -> bool:
    # SITE_SKIP_CHECKS=1 builds without the checks, so the benchmark can
    # measure what they cost. Nothing else should set it.
    return os.environ.get("SITE_SKIP_CHECKS") != "1"


def _report(problems) -> None:
    for problem in problems:
        if problem.is_error:
            log.error(str(problem))
        else:
            log.info(str(problem))


# page.meta flag for each marker, telling overrides/main.html to load its assets.
_MARKER_ASSETS = {offers_render.MARKER: "offers_directory", guide_render.MARKER: "guide"}


def _markers(model: SiteModel, locale: str, page) -> dict:
    """Lines of a page that are replaced by generated content."""
    return {
        offers_render.MARKER: lambda: offers_render.render(
            model.offers,
            offers_check.shown_offers(model),
            locale,
            model.interface.direction(locale),
            stale=lambda offer: offers_check.stale(offer, model.today),
            page_url=getattr(page, "canonical_url", None),
        ),
        guide_render.MARKER: lambda: guide_render.start(
            model.guide, locale, model.cfg.default_locale, model.interface.direction(locale), _titles(model, locale)
        ),
    }


def _titles(model: SiteModel, locale: str) -> dict[str, str]:
    """Each page's title in a language (the Norwegian title where it has no translation)."""
    titles = {}
    for lang in (model.cfg.default_locale, locale):
        for path, source in model.pages.pages.get(lang, {}).items():
            if source.readable and source.meta.get("title"):
                titles[path] = str(source.meta["title"])
    return titles


def on_startup(command: str, dirty: bool) -> None:
    global _depth, _serving
    _depth = 0
    _serving = command == "serve"


def on_build_error(error: Exception) -> None:
    global _depth
    _depth = 0


def on_config(config):
    global _model
    if _shared_work():
        if not _depth:
            theme_files.forget()  # a new build (mkdocs serve: a rebuild) walks the theme again
        theme_files.share_listing(config.theme)
    if _depth:
        return config  # a nested language build: same configuration
    # Sitemap dates and the sitemap.xml.gz header come from the commit, not
    # from today, so the same commit builds to the same bytes.
    reproducible.set_source_date_epoch(Path(config.config_file_path).parent)
    cfg = from_mkdocs(config)
    _model = SiteModel(cfg, _today(), site_dir=cfg.site_dir, policy_expected=not _serving)
    # The home pages link to the guide only where the site has it (overrides/partials/guide-link.html).
    config.extra["guide"] = (
        _model.guide is not None and _model.pages.page(cfg.default_locale, "veiviser/index.md") is not None
    )
    # Each language's home, for pages that have no counterpart in other languages (404).
    config.extra["language_homes"] = [
        {"lang": lang.locale, "name": lang.name, "path": "" if lang.default else f"{lang.locale}/"}
        for lang in cfg.languages
    ]
    # Builds link one pruned stylesheet, the theme's CSS and extra_css in
    # one file (scripts/render/css_prune.py, written in on_post_build);
    # the preview links the theme's own files.
    if not _serving:
        _bundled_css[:] = [str(path) for path in config.extra_css]
        config.extra_css = []
        config.extra["css_bundle"] = css_prune.BUNDLE
    return config


def _shared_work() -> bool:
    # SITE_SKIP_TEMPLATE_CACHE=1: every language compiles the theme's templates
    # and walks the theme's folders itself, as without these hooks, and
    # nothing comes from the build cache (scripts/render/build_cache.py; the
    # reproducibility test builds both ways and compares every file).
    return os.environ.get("SITE_SKIP_TEMPLATE_CACHE") != "1"


def on_env(env, config, files):
    env.filters.update(mailto_href=reader_html.mailto_href, after_first_h1=reader_html.after_first_h1)
    # Each language's nested build has a fresh environment: compile each theme
    # template once for all of them, and keep the compiled code for the next
    # build (scripts/render/build_cache.py).
    if _shared_work():
        env.bytecode_cache = template_cache.SharedBytecodeCache(build_cache.directory() / "templates")
    return env


def on_pre_build(config) -> None:
    global _depth
    _depth += 1
    if _depth == 1:
        _not_found_pages.clear()
        _guide_pages.clear()
        if _checks_wanted():
            _report(checks.run(_model, checks.SOURCE_CHECKS))


@event_priority(-150)
def on_files(files, config):
    # After the i18n plugin (-100) has chosen each language's files: an
    # earlier on_files hook makes it lose every page. Pages are excluded as
    # MkDocs' own exclude_docs would (not built, not in the sitemap; removing
    # them from the plugin's list loses every page) when they are
    # - for editors (audience: editors): never published to readers;
    # - unreadable (not UTF-8, front matter that does not parse): MkDocs would
    #   stop with a traceback; the content check has already named the line.
    for file in files.documentation_pages():
        where = split_source(_model.cfg, file.abs_src_path)
        page = _model.pages.page(*where) if where else None
        if page is not None and (page.for_editors or not page.readable):
            file.inclusion = InclusionLevel.EXCLUDED
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    escape.escape_meta(page.meta)
    locale = config.theme["language"]
    where = split_source(_model.cfg, page.file.abs_src_path)
    if where:
        page.meta.update(notices.translation_meta(_model.pages, where[0], where[1], locale))
        page.meta.update(notices.review_meta(_model.pages, where[1], _model.today))
        notices.mark_source_languages(page.meta, _model.pages, where[1], locale)
    if "<!--" in markdown:
        for marker, render in _markers(_model, locale, page).items():
            if marker in markdown:
                markdown = markdown.replace(marker, render())
                # The template loads a marker's own CSS and script only where it is used.
                page.meta[_MARKER_ASSETS[marker]] = True
    return markdown


def _finish(output: str, url: str | None = None) -> str:
    # bidi.isolate changes only right-to-left pages (<html dir="rtl">);
    # reader_html after it works inside the <bdi> runs (tel: links, no line
    # breaks in numbers, dates, Norwegian terms); the policy comes last, so
    # it lists the hashes of the final inline scripts.
    page = reader_html.finish(bidi.isolate(html_fixes.fix(notices.html_dir(output), url)), _norwegian_terms())
    # The stylesheet parts (tables, admonitions...) this page has elements of.
    page = css_split.link_parts(minify.html(page))
    # The preview's live reload is an inline script MkDocs adds after this
    # hook, so the local preview goes without the policy; builds always have it.
    return page if _serving else csp.add_policy(page)


def _norwegian_terms() -> frozenset[str]:
    if "norwegian_terms" not in _model.memo:
        _model.memo["norwegian_terms"] = reader_html.glossary_terms(_model.glossary_nb)
    return _model.memo["norwegian_terms"]


def on_post_page(output: str, page, config) -> str:
    output = _finish(output, page.canonical_url)
    if guide_render.MARKER_REGION in output and page.file.src_uri.endswith(guide_render.START_SOURCE):
        _guide_pages[config.theme["language"]] = output
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    if template_name == "404.html":
        output = _finish(output)
        _not_found_pages[config.theme["language"]] = output
    return output


def _finish_assets(site_dir: Path, model: SiteModel) -> None:
    # The built copies of the site's own scripts and stylesheets (overrides/assets), without comments.
    theme = model.cfg.custom_dir
    own = [site_dir / p.relative_to(theme) for p in sorted(theme.glob("assets/*/*.*"))] if theme else []
    minify.files_in_place([p for p in own if p.suffix in (".css", ".js") and p.exists()])
    scripts = [p for p in own if p.suffix == ".js" and p.exists()]
    cache = build_cache.directory() / "css" if _shared_work() else None
    bundle = css_prune.write_bundle(site_dir, [site_dir / path for path in _bundled_css], scripts, model.built, cache)
    model.built.rescan_assets()  # the bundle is new, Material's stylesheets are gone
    if not bundle.theme_bytes:
        log.error(
            "%s: Material's stylesheets (%s) are not in the built site, so pages have no theme style. "
            "Check the mkdocs-material version in requirements.txt and the names in THEME_CSS in "
            "scripts/render/css_prune.py.",
            css_prune.BUNDLE,
            ", ".join(css_prune.THEME_CSS),
        )
    elif not bundle.pruned:
        log.info(
            "warning: %s: the theme's whole stylesheet is shipped (%d KB), not pruned: %s",
            css_prune.BUNDLE,
            bundle.theme_bytes // 1024,
            bundle.message,
        )


@event_priority(-200)
def on_post_build(config) -> None:
    global _depth
    _depth -= 1
    if _depth:
        return
    model = _model
    site_dir = Path(config.site_dir)
    error_pages.write(site_dir, model.cfg.default_locale, _not_found_pages)
    # Pagefind indexes all languages in one run, so only after the last one;
    # and before the guide's step pages, which it would read only to leave out
    # (only the start page is searchable): more than half the pages it would read.
    indexed = search_index.build(site_dir)
    if not indexed.ok:
        log.error("Pagefind could not build the search index:\n%s", indexed.output)
    elif indexed.warning:
        log.warning(indexed.warning)
    # Pagefind lists languages in random order: sort them, so the same
    # commit builds to the same bytes.
    reproducible.normalise_site(site_dir)
    # The guide's step pages: its start page in each language, with one step each.
    for locale, shell in _guide_pages.items():
        if model.guide is not None:
            steps = guide_render.step_pages(
                model.guide,
                shell,
                locale,
                model.cfg.default_locale,
                model.interface.direction(locale),
                _titles(model, locale),
                _norwegian_terms() if locale != model.cfg.default_locale else frozenset(),
            )
            steps = {address: css_split.link_parts(page) for address, page in steps.items()}
            guide_render.write_steps(site_dir, "" if locale == model.cfg.default_locale else f"{locale}/", steps)
    usable = [r for r in model.redirects.entries if urls_check.usable(model.cfg, r)]
    redirect_pages.write(model.cfg, model.interface, usable, site_dir, config["site_url"])
    # After every page is written: the pruning keeps what any page uses.
    if config.extra.get("css_bundle"):
        _finish_assets(site_dir, model)
    if _checks_wanted():
        _report(checks.run(model, checks.BUILT_CHECKS))
