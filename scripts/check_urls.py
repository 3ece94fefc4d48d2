"""Every address the site ever published keeps working.

data/published-urls.txt lists every published page address in every language
(`/`, `/rettigheter/`, `/en/rettigheter/`, ...), one a line, sorted. After a
build this check compares the list with the built site:

* an address in the list that the build no longer makes, and that no
  redirect in mkdocs.yml (plugins > redirects > redirect_maps) covers, is an
  error: old links, bookmarks and printed flyers would break. The message
  gives the exact line to add to mkdocs.yml;
* a redirect that points to a page that does not exist, or away from a page
  that still exists, is an error;
* a new address that is not in the list yet is a warning (an error with
  --require-listed, as in CI), so it is protected from then on.

Redirects are written once per page path and work in every language: the
line `gammel/index.md: ny/index.md` makes /gammel/ lead to /ny/, /en/gammel/
to /en/ny/, and so on. (mkdocs-redirects on its own only knows the Norwegian
folder; `localize_redirects()`, called from the hooks, adapts it to each
language build.)

    python -m scripts.check_urls                 # check ./site against the list
    python -m scripts.check_urls --site DIR      # check another built site
    python -m scripts.check_urls --update        # rewrite the list from ./site
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.site_config import Problem, SiteConfig, load_config, print_problems

LIST_FILE = Path("data") / "published-urls.txt"
CHECK = "urls"


# ---------------------------------------------------------------- redirects


def redirect_maps(cfg: SiteConfig) -> dict[str, str]:
    """The `redirect_maps` of the redirects plugin in mkdocs.yml ({} when absent)."""
    for plugin in cfg.raw.get("plugins", []) or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            maps = (plugin["redirects"] or {}).get("redirect_maps") or {}
            return {str(k): str(v) for k, v in maps.items()}
    return {}


def _mkdocs_lines(cfg: SiteConfig) -> list[str]:
    path = cfg.root / "mkdocs.yml"
    return path.read_text(encoding="utf-8").splitlines()


def redirect_maps_line(cfg: SiteConfig) -> tuple[int, str, bool]:
    """(line number of `redirect_maps:`, indentation for its entries, written as `{}`)."""
    for number, line in enumerate(_mkdocs_lines(cfg), start=1):
        match = re.match(r"^(\s*)redirect_maps:\s*(\{\s*\})?", line)
        if match:
            return number, match.group(1) + "  ", bool(match.group(2))
    return 0, "        ", False


def _key_line(cfg: SiteConfig, key: str, after: int) -> int:
    pattern = re.compile(r"^\s*['\"]?" + re.escape(key) + r"['\"]?\s*:")
    for number, line in enumerate(_mkdocs_lines(cfg), start=1):
        if number > after and pattern.match(line):
            return number
    return after


def localize_redirects(config, files) -> None:
    """Point mkdocs-redirects at the current language's pages.

    Called from the hooks' on_files after the i18n plugin has chosen the files
    of the language being built. mkdocs-redirects reads its page list before
    that (so it only knows paths like nb/rettigheter/index.md with URLs under
    nb/) and writes every redirect once, at the site root. Here each build
    gets the map with its own language folder in front of the old path
    (en/gammel/index.md) and the pages it actually publishes, keyed by their
    path inside the language folder, so that /en/gammel/ leads to
    /en/rettigheter/ (the English page, or the Norwegian fallback).
    """
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return
    cfg = load_config(Path(config.config_file_path).parent)
    locales = {lang.locale for lang in cfg.languages}
    build_locale = config.theme["language"]
    prefix = "" if build_locale == cfg.default_locale else f"{build_locale}/"
    pages: dict[str, object] = {}
    for file in files.documentation_pages():
        first, _, rest = file.src_uri.partition("/")
        if first not in locales or not rest:
            continue
        # A translated page wins over the Norwegian one if both are present.
        if rest not in pages or first == build_locale:
            pages[rest] = file
    plugin.doc_pages = pages
    plugin.redirects = {prefix + old: new for old, new in (plugin.config.get("redirect_maps") or {}).items()}


# ---------------------------------------------------------------- addresses


def read_list(cfg: SiteConfig) -> list[str]:
    path = cfg.root / LIST_FILE
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def built_urls(site_dir: Path) -> set[str]:
    """Every page address of a built site: each folder with an index.html."""
    urls = set()
    for index in site_dir.rglob("index.html"):
        rel = index.parent.relative_to(site_dir).as_posix()
        urls.add("/" if rel == "." else f"/{rel}/")
    return urls


def split_url(cfg: SiteConfig, url: str) -> tuple[str, str]:
    """('en', 'rettigheter/') for /en/rettigheter/; ('nb', '') for /."""
    parts = url.strip("/").split("/", 1)
    if parts[0] in cfg.translation_locales:
        return parts[0], (parts[1] + "/") if len(parts) > 1 and parts[1] else ""
    return cfg.default_locale, url.lstrip("/")


def page_path(rel_url: str) -> str:
    """rettigheter/ -> rettigheter/index.md (a path inside a language folder)."""
    return f"{rel_url}index.md" if rel_url else "index.md"


def lang_url(cfg: SiteConfig, locale: str, rel_url: str) -> str:
    return f"/{rel_url}" if locale == cfg.default_locale else f"/{locale}/{rel_url}"


def built_locales(cfg: SiteConfig, site_dir: Path) -> set[str]:
    """Languages present in the build (a preview may build only one)."""
    present = set()
    for lang in cfg.languages:
        home = site_dir / "index.html" if lang.default else site_dir / lang.locale / "index.html"
        if home.exists():
            present.add(lang.locale)
    return present


def check_redirects(cfg: SiteConfig) -> list[Problem]:
    """Redirects that cannot work (a source check: it runs before the build,
    so these messages come before mkdocs-redirects' own warning)."""
    problems: list[Problem] = []
    maps = redirect_maps(cfg)
    maps_line, _, _ = redirect_maps_line(cfg)
    default_dir = cfg.lang_dir(cfg.default_locale)
    for old, new in maps.items():
        line = _key_line(cfg, old, maps_line)
        target = new.split("#", 1)[0]
        if not new.lower().startswith(("http://", "https://")) and not (default_dir / target).is_file():
            problems.append(Problem("mkdocs.yml", line, f"the redirect '{old}: {new}' leads to '{target}', which is not a page in {cfg.rel(default_dir)}/. Write the path of the page that replaces the old one, as in the nav list, e.g. 'rettigheter/index.md'.", check=CHECK))
        if (default_dir / old).is_file():
            problems.append(Problem("mkdocs.yml", line, f"the redirect '{old}: {new}' leads away from a page that still exists ({cfg.rel(default_dir / old)}), so readers could never open that page. Remove this line, or remove the page if it was renamed.", check=CHECK))
    return problems


def check(cfg: SiteConfig, site_dir: Path, require_listed: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    list_rel = LIST_FILE.as_posix()
    maps = redirect_maps(cfg)
    maps_line, indent, inline_empty = redirect_maps_line(cfg)

    listed = read_list(cfg)
    built = built_urls(site_dir)
    present = built_locales(cfg, site_dir)
    missing = [url for url in listed if url not in built and split_url(cfg, url)[0] in present]
    new_urls = sorted(url for url in built if url not in set(listed))
    new_pages = sorted({split_url(cfg, url)[1] for url in new_urls})

    # Group by page path: one line in mkdocs.yml fixes every language.
    by_page: dict[str, list[str]] = {}
    for url in missing:
        by_page.setdefault(split_url(cfg, url)[1], []).append(url)
    for rel_url, urls in sorted(by_page.items()):
        old = page_path(rel_url)
        replacement = page_path(new_pages[0]) if len(new_pages) == 1 else "NY-SIDE/index.md"
        addresses = ", ".join(urls)
        how = f"add this line under 'redirect_maps:' in mkdocs.yml: \"{indent}{old}: {replacement}\""
        if inline_empty:
            how = f"in mkdocs.yml change 'redirect_maps: {{}}' to 'redirect_maps:' and add this line under it: \"{indent}{old}: {replacement}\""
        if old in maps:
            why = f"The redirect for '{old}' in mkdocs.yml did not produce it: check the messages about that redirect."
        else:
            why = (
                f"To keep them working, {how}"
                + ("" if len(new_pages) == 1 else " (replace NY-SIDE with the folder of the page that replaces it)")
                + ". One line covers every language."
            )
        problems.append(Problem("mkdocs.yml", maps_line, f"the address {addresses} was published before, but this build has no page there any more, so old links, bookmarks and printed flyers would break. {why}", check=CHECK))

    if new_urls:
        severity = "error" if require_listed else "warning"
        lines = " ".join(new_urls)
        problems.append(Problem(list_rel, 1, f"{len(new_urls)} new address(es) are not in the list of published addresses yet: {lines}. Add each as its own line to {list_rel} (or run: python -m scripts.check_urls --update), so they keep working if the page is renamed later.", severity, check=CHECK))
    return problems


def update(cfg: SiteConfig, site_dir: Path) -> list[Problem]:
    """Rewrite the list from a full build; refuse while an address would be lost."""
    problems = [p for p in check_redirects(cfg) + check(cfg, site_dir) if p.severity == "error"]
    absent = sorted({lang.locale for lang in cfg.languages} - built_locales(cfg, site_dir))
    if absent:
        problems.append(Problem(cfg.rel(site_dir), 0, f"the build has no pages for {', '.join(absent)}. Build every language (python3 scripts/docs.py build) before updating the list.", check=CHECK))
    if problems:
        return problems
    path = cfg.root / LIST_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{url}\n" for url in sorted(built_urls(site_dir))), encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this repository)")
    parser.add_argument("--site", type=Path, default=None, help="built site folder (default: site_dir from mkdocs.yml, ./site)")
    parser.add_argument("--require-listed", action="store_true", help="treat new addresses missing from the list as errors (CI)")
    parser.add_argument("--update", action="store_true", help=f"rewrite {LIST_FILE.as_posix()} from the built site (refused while an address would be lost)")
    args = parser.parse_args(argv)
    cfg = load_config(args.root)
    site_dir = args.site or cfg.site_dir
    if not (site_dir / "index.html").exists():
        print(f"{cfg.rel(site_dir)}: no built site here. Build it first: python3 scripts/docs.py build", file=sys.stderr)
        return 2
    if args.update:
        problems = update(cfg, site_dir)
        print_problems(problems)
        if not problems:
            print(f"wrote {LIST_FILE.as_posix()}", file=sys.stderr)
        return 1 if problems else 0
    problems = check_redirects(cfg) + check(cfg, site_dir, require_listed=args.require_listed)
    print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
