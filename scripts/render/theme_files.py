"""One walk of the theme's folders per build, shared by every language.

To find the static files a build copies, MkDocs asks the theme's Jinja
environment for every file in the theme folders (overrides/ and Material's
templates, assets and some 14,000 icons) and matches each name against its
exclude patterns. mkdocs-static-i18n runs one nested build per language, so
that walk and those matches ran four times per build: about 1.1 s CPU, more
than a tenth of the whole build.

``share_listing(theme)`` makes the environments of that theme remember the
list: the first language walks, the others reuse the same names. The list is
keyed by the folders walked (each once), the filter MkDocs passes (its code and the
theme's static templates, all it depends on) and the extensions asked for.
``forget()`` empties it; the hooks call it at the start of every outermost
build, so `mkdocs serve` sees a file added to overrides/ in the next rebuild.

The copied files are the same either way: tests/render/test_reproducible.py
builds the site with and without sharing and compares every file.
"""

from __future__ import annotations

import collections

# key -> the names Jinja listed
_LISTED: dict[tuple, list[str]] = {}
# how many times the folders were walked in this process (for the tests)
walks: collections.Counter[tuple] = collections.Counter()


def forget() -> None:
    _LISTED.clear()


def _key(env, theme, extensions, filter_func) -> tuple | None:
    folders = getattr(env.loader, "searchpath", None)
    if folders is None:  # not a FileSystemLoader: nothing known to share
        return None
    code = getattr(filter_func, "__code__", filter_func)
    return (
        # mkdocs-static-i18n puts its sitemap folder first once more in each
        # language build; a folder walked twice lists nothing new.
        tuple(dict.fromkeys(folders)),
        tuple(extensions) if extensions else None,
        code,
        tuple(theme.static_templates),
    )


def share_listing(theme) -> None:
    """Make `theme.get_env()` return environments whose list_templates() is shared.

    The theme's own get_env (its class's) still makes each environment, with
    the theme's language at the time of the call: mkdocs-static-i18n changes
    the language of the same theme object for each nested build."""

    def sharing_get_env():
        env = type(theme).get_env(theme)
        own_list = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            key = _key(env, theme, extensions, filter_func)
            if key is None:
                return own_list(extensions=extensions, filter_func=filter_func)
            if key not in _LISTED:
                _LISTED[key] = own_list(extensions=extensions, filter_func=filter_func)
                walks[key] += 1
            return list(_LISTED[key])

        env.list_templates = list_templates
        return env

    theme.get_env = sharing_get_env
