"""The theme's templates are compiled once per build process, not once per language.

Each of mkdocs-static-i18n's language builds makes a fresh Jinja environment,
as these tests do; scripts/render/template_cache.py lets them share the
compiled code, and keeps it on disk for the next build. That the whole
site's bytes do not change is proved by
tests/render/test_reproducible.py (one build with the cache, one without).
"""

from __future__ import annotations

import importlib.util

import jinja2
import pytest
from mkdocs.config import load_config

from scripts.render import build_cache, template_cache
from tests.helpers import ROOT

TEMPLATES = {
    "base.html": "<p>{% block body %}{% endblock %}</p>{% include 'partial.html' %}",
    "main.html": "{% extends 'base.html' %}{% block body %}{{ title | shout }}{% endblock %}",
    "partial.html": "<small>{{ lang }}</small>",
}


@pytest.fixture(autouse=True)
def empty_cache():
    template_cache.SharedBytecodeCache().clear()
    yield
    template_cache.SharedBytecodeCache().clear()


def language_build(folder, lang: str, cache: bool = True, shout=str.upper, directory=None) -> str:
    """What one language's nested build does: a fresh environment, then a render."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), auto_reload=False)
    env.filters["shout"] = shout
    if cache:
        env.bytecode_cache = template_cache.SharedBytecodeCache(directory)
    return env.get_template("main.html").render(title="Rettigheter", lang=lang)


def write(folder, templates: dict[str, str]) -> None:
    for name, text in templates.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_four_languages_compile_each_template_once_and_render_the_same(tmp_path):
    write(tmp_path, TEMPLATES)
    cached = [language_build(tmp_path, lang) for lang in ("nb", "en", "ar", "so")]
    assert template_cache.compiles == {"base.html": 1, "main.html": 1, "partial.html": 1}
    assert cached == [language_build(tmp_path, lang, cache=False) for lang in ("nb", "en", "ar", "so")]
    assert cached[2] == "<p>RETTIGHETER</p><small>ar</small>"


def test_an_edited_template_is_compiled_again(tmp_path):
    """`mkdocs serve` rebuilds in the same process after an editor changes a template."""
    write(tmp_path, TEMPLATES)
    assert language_build(tmp_path, "nb") == "<p>RETTIGHETER</p><small>nb</small>"
    write(tmp_path, {"partial.html": "<em>{{ lang }}</em>"})
    assert language_build(tmp_path, "nb") == "<p>RETTIGHETER</p><em>nb</em>"
    assert template_cache.compiles == {"base.html": 1, "main.html": 1, "partial.html": 2}


def test_environments_that_compile_differently_do_not_share_code(tmp_path):
    """A filter that takes the context compiles to other code: that environment gets its own compile."""
    write(tmp_path, TEMPLATES)
    language_build(tmp_path, "nb")
    with_context = jinja2.pass_context(lambda context, value: f"{value}/{context['lang']}")
    assert language_build(tmp_path, "en", shout=with_context) == "<p>Rettigheter/en</p><small>en</small>"
    assert template_cache.compiles["main.html"] == 2


def test_the_next_build_loads_the_compiled_templates_from_disk(tmp_path):
    """A new build is a new process: nothing in memory, the compiled code on disk."""
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    write(templates, TEMPLATES)
    first = language_build(templates, "nb", directory=cache)
    assert len(list(cache.glob("*.jinja"))) == 3
    template_cache.SharedBytecodeCache().clear()  # the next process
    assert language_build(templates, "nb", directory=cache) == first
    assert template_cache.compiles == {}
    # An edited template is compiled again, the others still come from disk.
    template_cache.SharedBytecodeCache().clear()
    write(templates, {"partial.html": "<em>{{ lang }}</em>"})
    assert language_build(templates, "en", directory=cache) == "<p>RETTIGHETER</p><em>en</em>"
    assert template_cache.compiles == {"partial.html": 1}


def test_a_cache_folder_that_cannot_be_written_only_costs_compiles(tmp_path):
    write(tmp_path, TEMPLATES)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert language_build(tmp_path, "nb", directory=blocked / "cache") == "<p>RETTIGHETER</p><small>nb</small>"


def test_the_hooks_give_each_language_build_of_the_real_theme_the_shared_compile(monkeypatch, tmp_path):
    """The environments MkDocs makes for the site's theme (Material and overrides/), as in each language's build."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))  # nothing compiled before
    monkeypatch.delenv("SITE_SKIP_TEMPLATE_CACHE", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    spec = importlib.util.spec_from_file_location("hooks_under_test", ROOT / "scripts" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)  # as MkDocs loads it: by path
    for _ in ("nb", "en", "ar", "so"):
        env = hooks.on_env(config.theme.get_env(), config, None)
        env.get_template("main.html")
        env.get_template("404.html")
    assert template_cache.compiles == {"main.html": 1, "404.html": 1}

    monkeypatch.setenv("SITE_SKIP_TEMPLATE_CACHE", "1")
    assert hooks.on_env(config.theme.get_env(), config, None).bytecode_cache is None


def test_the_build_cache_is_outside_the_repository(monkeypatch, tmp_path):
    """A compiled template is code the build runs: a pull request must not be able to add one."""
    monkeypatch.delenv("SITE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert not build_cache.directory().resolve().is_relative_to(ROOT.resolve())
    monkeypatch.setenv("SITE_CACHE_DIR", str(tmp_path))
    assert build_cache.directory() == tmp_path


def test_a_damaged_cache_file_is_compiled_again(tmp_path):
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    write(templates, TEMPLATES)
    first = language_build(templates, "nb", directory=cache)
    for path in cache.glob("*.jinja"):
        path.write_bytes(path.read_bytes()[:20])  # cut off inside the checksum, as by a full disk
    template_cache.SharedBytecodeCache().clear()  # the next process
    assert language_build(templates, "nb", directory=cache) == first
    assert template_cache.compiles == {"base.html": 1, "main.html": 1, "partial.html": 1}
