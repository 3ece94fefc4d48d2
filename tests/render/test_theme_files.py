"""The theme's folders are walked once per build, not once per language
(scripts/render/theme_files.py).

Each test does what MkDocs does in each of mkdocs-static-i18n's language
builds: the theme makes a fresh Jinja environment, and the files to copy are
added from it (Files.add_files_from_theme). That the whole built site is the
same byte for byte is proved by tests/render/test_reproducible.py."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

from scripts.render import theme_files

LANGUAGES = ("nb", "en", "ar", "so")


@pytest.fixture(autouse=True)
def nothing_listed():
    theme_files.forget()
    theme_files.walks.clear()
    yield
    theme_files.forget()


def material(tmp_path, shared: bool) -> tuple[Theme, MkDocsConfig]:
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True, exist_ok=True)
    (overrides / "assets" / "site.css").write_text("p {}", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path)})
    theme = Theme(name="material", custom_dir=str(overrides), language="nb")
    config["theme"] = theme
    if shared:
        theme_files.share_listing(theme)
    return theme, config


def copied_files(theme: Theme, config: MkDocsConfig, language: str) -> list[str]:
    """One language build: the theme's language, its environment, the files it copies."""
    theme["language"] = language
    files = Files([])
    files.add_files_from_theme(theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_four_languages_walk_the_theme_once_and_copy_the_same_files(tmp_path):
    theme, config = material(tmp_path, shared=True)
    shared = [copied_files(theme, config, lang) for lang in LANGUAGES]
    assert sum(theme_files.walks.values()) == 1
    own_theme, own_config = material(tmp_path, shared=False)
    assert shared == [copied_files(own_theme, own_config, lang) for lang in LANGUAGES]
    assert "assets/site.css" in shared[0]
    assert not [name for name in shared[0] if name.startswith(".icons/") or name.endswith(".html")]


def test_a_language_build_with_other_theme_folders_walks_them(tmp_path):
    """mkdocs-static-i18n puts a folder of its own first in the theme's folders
    for some builds: the list is per set of folders, never another's."""
    theme, config = material(tmp_path, shared=True)
    assert "extra.txt" not in copied_files(theme, config, "nb")
    extra = tmp_path / "i18n"
    extra.mkdir()
    (extra / "extra.txt").write_text("", encoding="utf-8")
    theme.dirs.insert(0, str(extra))
    assert "extra.txt" in copied_files(theme, config, "en")
    assert sum(theme_files.walks.values()) == 2
    # ... and puts the same folder first again in the next language's build:
    # nothing new to walk.
    theme.dirs.insert(0, str(extra))
    assert "extra.txt" in copied_files(theme, config, "ar")
    assert sum(theme_files.walks.values()) == 2


def test_a_file_added_between_two_builds_is_copied(tmp_path):
    """`mkdocs serve` rebuilds in the same process; the hooks forget the list at each new build."""
    theme, config = material(tmp_path, shared=True)
    assert "assets/new.js" not in copied_files(theme, config, "nb")
    (tmp_path / "overrides" / "assets" / "new.js").write_text("", encoding="utf-8")
    assert "assets/new.js" not in copied_files(theme, config, "en")  # same build: the list is shared
    theme_files.forget()
    assert "assets/new.js" in copied_files(theme, config, "nb")
