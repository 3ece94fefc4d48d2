"""Every address the site ever published keeps working.

data/published-urls.txt lists every published page address in every
language (`/`, `/rettigheter/`, `/en/rettigheter/`, ...), one a line, sorted.

* `redirect_problems` (a source check): a redirect in data/redirects.yml that
  points to a page that does not exist, or away from a page that still
  exists, is an error;
* `missing_page_problems` (a source check): an address in the list whose
  page is gone from docs/ without a redirect, so editors see it before a build;
* `check_built` (after a build): an address in the list that the build no
  longer makes, and that no redirect covers, is an error whose message gives
  the exact line to add to data/redirects.yml; a new address not in the list
  yet is a warning (an error with require_listed, as in CI).
"""

from __future__ import annotations

from scripts.model import redirects as redirect_data
from scripts.model import urls
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.published import LIST_FILE
from scripts.model.redirects import Redirect
from scripts.model.site import SiteModel

CHECK = "urls"


def target_exists(cfg: SiteConfig, redirect: Redirect) -> bool:
    return redirect.external or (
        urls.is_page_path(redirect.target) and (cfg.lang_dir(cfg.default_locale) / redirect.target).is_file()
    )


def old_page_exists(cfg: SiteConfig, redirect: Redirect) -> bool:
    return (cfg.lang_dir(cfg.default_locale) / redirect.old).is_file()


def usable(cfg: SiteConfig, redirect: Redirect) -> bool:
    """A redirect the build writes (the check explains the others)."""
    return (
        urls.is_page_path(redirect.old)
        and urls.page_url(redirect.old) != ""
        and target_exists(cfg, redirect)
        and not old_page_exists(cfg, redirect)
    )


def redirect_problems(model: SiteModel) -> list[Problem]:
    cfg = model.cfg
    found = model.redirects
    problems = list(found.read_problems)
    rel = redirect_data.FILE
    default_dir = cfg.lang_dir(cfg.default_locale)
    for r in found.entries:
        line = f"'{r.old}: {r.new}'"
        if not urls.is_page_path(r.old) or urls.page_url(r.old) == "":
            problems.append(
                Problem(
                    rel,
                    r.line,
                    f"the redirect {line} starts with '{r.old}', which is not the path of an old "
                    "page. Write the old page's path as it was in the nav list, e.g. 'gammel-side/index.md' "
                    "for the address /gammel-side/.",
                    check=CHECK,
                )
            )
            continue
        if not target_exists(cfg, r):
            problems.append(
                Problem(
                    rel,
                    r.line,
                    f"the redirect {line} leads to '{r.target}', which is not a page in {cfg.rel(default_dir)}/. "
                    "Write the path of the page that replaces the old one, as in the nav list, "
                    "e.g. 'rettigheter/index.md'.",
                    check=CHECK,
                )
            )
        if old_page_exists(cfg, r):
            problems.append(
                Problem(
                    rel,
                    r.line,
                    f"the redirect {line} leads away from a page that still exists ({cfg.rel(default_dir / r.old)}), "
                    "so readers could never open that page. Remove this line, or remove the page "
                    "if it was renamed.",
                    check=CHECK,
                )
            )
    return problems


def _lost(model: SiteModel, gone: list[str], new_pages: list[str]) -> list[Problem]:
    """One problem per lost page path (one redirect line fixes every language)."""
    cfg = model.cfg
    redirects_rel = redirect_data.FILE
    redirected = {urls.page_url(r.old): r.old for r in model.redirects.entries}
    add_line, add_how = model.redirects.where_to_add()
    by_page: dict[str, list[str]] = {}
    for url in gone:
        by_page.setdefault(urls.split_site_url(cfg, url)[1], []).append(url)
    problems = []
    for rel_url, addresses in sorted(by_page.items()):
        old = urls.page_path(rel_url)
        replacement = urls.page_path(new_pages[0]) if len(new_pages) == 1 else "NY-SIDE/index.md"
        how = {
            "replace": f"in {redirects_rel} replace '{{}}' on line {add_line} with this line",
            "append": f"add this line at the end of {redirects_rel}",
            "create": f"create the file {redirects_rel} with this line",
        }[add_how]
        if rel_url in redirected:
            why = (
                f"The redirect for '{redirected[rel_url]}' in {redirects_rel} did not produce "
                "it: check the messages about that redirect."
            )
        else:
            why = (
                f'To keep them working, {how}: "{old}: {replacement}"'
                + ("" if len(new_pages) == 1 else " (replace NY-SIDE with the folder of the page that replaces it)")
                + ". One line covers every language."
            )
        problems.append(
            Problem(
                redirects_rel,
                add_line,
                f"the address {', '.join(addresses)} was published before, but this build "
                "has no page there any more, so old links, bookmarks and printed flyers would "
                f"break. {why}",
                check=CHECK,
            )
        )
    return problems


def missing_page_problems(model: SiteModel) -> list[Problem]:
    """Published addresses whose Norwegian page is gone and that no redirect covers (before any build)."""
    cfg = model.cfg
    listed = model.published
    redirected = {urls.page_url(r.old) for r in model.redirects.entries if usable(cfg, r)}
    existing = {urls.page_url(path) for path in model.pages.pages.get(cfg.default_locale, {})}
    # The guide's step pages are written from data/veiviser.yml, not from a page.
    existing |= set(model.guide.addresses() if model.guide is not None else [])
    gone = [url for url in listed if urls.split_site_url(cfg, url)[1] not in existing | redirected]
    new_pages = sorted(existing - {urls.split_site_url(cfg, url)[1] for url in listed})
    return _lost(model, gone, new_pages)


def built_locales(model: SiteModel) -> set[str]:
    """Languages present in the build (a preview may build only one)."""
    files = model.built.files
    return {lang.locale for lang in model.cfg.languages if f"{urls.prefix(model.cfg, lang.locale)}index.html" in files}


def check_built(model: SiteModel, require_listed: bool = False) -> list[Problem]:
    cfg = model.cfg
    listed = model.published
    built = model.built.page_urls
    present = built_locales(model)
    gone = [url for url in listed if url not in built and urls.split_site_url(cfg, url)[0] in present]
    new_urls = sorted(url for url in built if url not in set(listed))
    new_pages = sorted({urls.split_site_url(cfg, url)[1] for url in new_urls})
    problems = _lost(model, gone, new_pages)
    if new_urls:
        severity = "error" if require_listed else "warning"
        problems.append(
            Problem(
                LIST_FILE,
                1,
                f"{len(new_urls)} new address(es) are not in the list of published addresses "
                f"yet: {' '.join(new_urls)}. Add each as its own line to {LIST_FILE} (or run: "
                "python -m scripts urls --update), so they keep working if the page is renamed later.",
                severity,
                check=CHECK,
            )
        )
    return problems


def check(model: SiteModel) -> list[Problem]:
    """The source part: redirects that cannot work, and (when no built site is
    checked in the same run, which covers it) published pages that are gone."""
    return redirect_problems(model) + (missing_page_problems(model) if model.site_dir is None else [])
