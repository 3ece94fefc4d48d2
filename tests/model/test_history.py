"""Earlier versions of a page from git (scripts/model/history.py), in a real repository."""

from __future__ import annotations

from scripts.model.history import History
from scripts.model.pages import parse_page
from tests.render.test_changes import edit, git, repository


def test_versions_newest_first_and_the_one_with_a_hash(tmp_path):
    root = repository(tmp_path)
    first = git(root, "rev-parse", "HEAD").strip()
    old_hash = parse_page("nb", "side/index.md", (root / "docs/nb/side/index.md").read_text()).content_hash
    edit(root, "Alle kan få hjelp.", "Alle kan få mye hjelp.")
    history = History(root)
    versions = history.versions("nb", "side/index.md", "docs/nb/side/index.md")
    assert len(versions) == 2 and versions[1].commit == first
    found = history.version_with_hash("nb", "side/index.md", "docs/nb/side/index.md", old_hash)
    assert found.commit == first and "Alle kan få hjelp." in found.page.body
    assert history.version_with_hash("nb", "side/index.md", "docs/nb/side/index.md", "abcdefabcdef") is None
    assert history.show(first, "docs/nb/borte/index.md") is None
    assert history.changed_files(first, "docs/nb") == ["docs/nb/side/index.md"]
    assert history.is_repository() and not history.shallow()


def test_outside_a_repository_nothing_is_found(tmp_path):
    history = History(tmp_path)
    assert not history.is_repository()
    assert history.versions("nb", "side/index.md", "docs/nb/side/index.md") == []
