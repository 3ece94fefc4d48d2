"""Translation coverage: statuses, reports, exit codes, stamp, interface
strings, and editors' pages kept off the published site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts.model.config import load_config
from scripts.model.pages import coverage, read_page
from tests.helpers import FIXTURES, ROOT, cli, model, problems

FIXTURE = FIXTURES / "content-site"


def run(*args):
    return cli("coverage", *args)


def source_hash(path: Path) -> str:
    root = path.parents[3]
    return read_page(load_config(root), "nb", path.relative_to(root / "docs" / "nb").as_posix()).content_hash


@pytest.fixture()
def copy(tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


def test_statuses_per_page_and_language():
    report = json.loads(run("--root", FIXTURE, "--json").stdout)
    en = report["languages"]["en"]
    assert (en["reviewed"], en["machine"]) == (1, 2)  # ok/ is marked reviewed
    assert en["pages"]["ok/index.md"] == "translated"
    assert en["pages"]["outdated/index.md"] == "outdated"
    assert en["pages"]["no-h1/index.md"] == "missing"
    assert en["orphans"] == ["orphan/index.md"]
    assert en["malformed"] == ["bad-meta/index.md"]
    # editors' pages are neither counted nor expected in other languages
    assert "redaksjon/notat/index.md" not in report["pages"]
    assert (en["translated"], en["outdated"], en["missing"], en["orphan"], en["total"]) == (3, 2, 9, 1, 14)
    assert en["percent"] == 21.4
    assert report["languages"]["ar"]["translated"] == 1


def test_orphans_malformed_metadata_and_interface_strings_fail():
    result = run("--root", FIXTURE)
    assert result.returncode == 1
    for line in [
        "docs/en/orphan/index.md:1: this translation has no Norwegian page (docs/nb/orphan/index.md "
        "does not exist). Move it to the same path as its Norwegian page, or delete it.",
        "docs/en/bad-meta/index.md:11: translation status is 'draft'; it must be "
        "'machine' (not yet checked by a qualified person) or 'reviewed'. Fix the "
        "'status:' line under 'translation:'.",
        'overrides/partials/languages/en.html:76: the interface text "site.404.home" '
        "is missing. Copy its line from overrides/partials/languages/nb.html into "
        "this file and translate the text.",
        "overrides/partials/languages/ar.html: the interface texts for 'ar' are missing. "
        "Copy overrides/partials/languages/nb.html to this name and translate the texts.",
    ]:
        assert line in result.stderr.splitlines()


def test_missing_and_outdated_are_warnings_not_errors():
    by_text = {str(p): p.severity for p in problems(FIXTURE, "translation")}
    assert (
        by_text[
            "docs/en/outdated/index.md:1: warning: the Norwegian page docs/nb/outdated/index.md "
            "has changed since this translation was made; readers see an 'outdated' notice. "
            "Update the translation, then run: python -m scripts stamp docs/en/outdated/index.md"
        ]
        == "warning"
    )
    assert (
        by_text[
            "docs/en: warning: 9 of 14 pages are not translated yet (readers get the "
            "Norwegian text with a notice). See: python -m scripts coverage"
        ]
        == "warning"
    )


def only_ok_pages(root: Path) -> None:
    for locale in ("nb", "en", "ar"):
        for folder in (root / "docs" / locale).iterdir():
            if folder.name != "ok":
                shutil.rmtree(folder)
    shutil.copy(ROOT / "overrides/partials/languages/en.html", root / "overrides/partials/languages/en.html")
    shutil.copy(ROOT / "overrides/partials/languages/ar.html", root / "overrides/partials/languages/ar.html")


def test_fail_under(copy):
    only_ok_pages(copy)
    assert run("--root", copy, "--fail-under", "100").returncode == 0
    (copy / "docs/nb/new").mkdir()
    shutil.copy(copy / "docs/nb/ok/index.md", copy / "docs/nb/new/index.md")
    result = run("--root", copy, "--fail-under", "60")
    assert result.returncode == 1
    assert "en: coverage 50 % is below --fail-under 60 %" in result.stderr
    assert run("--root", copy, "--fail-under", "50").returncode == 0


def test_stamp_changes_only_the_hash_line(copy):
    page = copy / "docs/en/outdated/index.md"
    before = page.read_bytes().decode().split("\n")
    result = cli("stamp", "--root", copy, page)
    assert result.returncode == 0, result.stderr
    after = page.read_bytes().decode().split("\n")
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    wanted = source_hash(copy / "docs/nb/outdated/index.md")
    assert changed == [("  source_hash: 0123456789ab", f"  source_hash: {wanted}")]
    assert len(before) == len(after)
    report = json.loads(run("--root", copy, "--json").stdout)
    assert report["languages"]["en"]["pages"]["outdated/index.md"] == "translated"


def test_stamp_adds_the_block_and_keeps_windows_line_endings(copy):
    page = copy / "docs/ar/outdated/index.md"
    page.parent.mkdir()
    page.write_bytes(b"---\r\ntitle: x\r\n---\r\n\r\n# x\r\n")
    assert cli("stamp", "--root", copy, page).returncode == 0
    wanted = source_hash(copy / "docs/nb/outdated/index.md")
    assert (
        page.read_bytes()
        == f"---\r\ntitle: x\r\ntranslation:\r\n  status: machine\r\n  source_hash: {wanted}\r\n---\r\n\r\n# x\r\n".encode()  # noqa: E501
    )


def test_stamp_refuses_norwegian_pages_and_orphans(copy):
    result = cli("stamp", "--root", copy, copy / "docs/nb/ok/index.md")
    assert result.returncode != 0 and "this is a Norwegian page" in result.stderr
    result = cli("stamp", "--root", copy, copy / "docs/en/orphan/index.md")
    assert result.returncode != 0 and "there is no Norwegian page docs/nb/orphan/index.md" in result.stderr


def test_markdown_report():
    out = run("--root", FIXTURE, "--markdown").stdout
    assert "| English (`en`) | 3 av 14 | 2 | 1 | 2 | 9 | 1 | 21 % |" in out
    assert "| `outdated/index.md` | utdatert | mangler |" in out
    assert "| `orphan/index.md` (en) | foreldreløs | – |" in out


def test_commands_have_help():
    result = cli("coverage", "--help")
    assert result.returncode == 0 and "--fail-under" in result.stdout and "--markdown" in result.stdout
    assert cli("stamp", "--help").returncode == 0


def test_whitespace_and_front_matter_changes_do_not_make_a_translation_outdated(copy):
    page = copy / "docs/nb/ok/index.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    reflowed = body.replace(". ", ".\n", 1).replace("\n\n", "\n\n\n", 1) + "\n\n"
    page.write_text(
        head.replace("owner:", 'review_notes:\n  - "note"\nowner:') + "\n---\n" + reflowed, encoding="utf-8"
    )
    assert model(copy).pages.state("en", "ok/index.md") == "translated"
    page.write_text(text.replace("# ", "# Ny ", 1), encoding="utf-8")
    assert model(copy).pages.state("en", "ok/index.md") == "outdated"


def test_editors_pages_are_not_published(built_site, tmp_path):
    # The old translation status page is only a redirect now, and not in the sitemap.
    old = (built_site / "redaksjon/oversettelser/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in old and "<table" not in old
    assert "redaksjon" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    # Any page with audience: editors stays out of the built site.
    from tests.checks.test_urls import build, make_site

    site = make_site(tmp_path)
    notes = site / "docs/nb/notat/index.md"
    notes.parent.mkdir()
    notes.write_text(
        (site / "docs/nb/side/index.md").read_text(encoding="utf-8").replace("owner:", "audience: editors\nowner:"),
        encoding="utf-8",
    )
    result = build(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "site/side/index.html").exists()
    assert not (site / "site/notat").exists() and not (site / "site/en/notat").exists()
    assert "notat" not in (site / "site/sitemap.xml").read_text(encoding="utf-8")


def test_missing_translations_do_not_fail_the_build(built_site, build_log, site_config):
    # the session build ran with --strict and succeeded
    report = coverage(model().pages)
    for locale, data in report["languages"].items():
        if data["missing"]:
            assert (
                f"docs/{locale}: warning: {data['missing']} of {data['total']} pages are not translated yet"
                in build_log
            )


# --- A recorded review (status: reviewed) -------------------------------------

REVIEW_NB = "---\ntitle: Side\n---\n# Side\n\nTekst.\n"


def _review_problems(block: str) -> list[str]:
    from scripts.checks import translation
    from tests.helpers import memory_model

    source_hash = memory_model({("nb", "side/index.md"): REVIEW_NB}).pages.page("nb", "side/index.md").content_hash
    site = memory_model(
        {
            ("nb", "side/index.md"): REVIEW_NB,
            ("en", "side/index.md"): (
                f"---\ntitle: Page\ntranslation:\n  status: reviewed\n  source_hash: {source_hash}\n{block}---\n"
                "# Page\n\nText.\n"
            ),
        }
    )
    return [str(p) for p in translation.check(site) if p.path == "docs/en/side/index.md"]


def test_a_review_with_a_role_and_a_past_day_is_accepted():
    assert _review_problems('  reviewed_by: "Tolk, Somalisk forening"\n  reviewed_on: 2026-11-30\n') == []


def test_a_review_without_reviewer_or_day_is_an_error_at_its_line():
    found = _review_problems("")
    assert len(found) == 2, found
    assert found[0].startswith("docs/en/side/index.md:3: a reviewed translation must say who reviewed it")
    assert "role or organisation" in found[0] and "a private person's name is not needed" in found[0]
    assert found[1].startswith("docs/en/side/index.md:3: a reviewed translation must say when")


def test_a_review_day_must_be_a_real_day_not_in_the_future():
    (impossible,) = _review_problems("  reviewed_by: Tolk\n  reviewed_on: 2026-13-01\n")
    assert impossible.startswith("docs/en/side/index.md:7: ") and "YYYY-MM-DD" in impossible
    (future,) = _review_problems("  reviewed_by: Tolk\n  reviewed_on: 2026-12-02\n")  # TODAY is 2026-12-01
    assert future.startswith("docs/en/side/index.md:7: reviewed_on is 2026-12-02, a day in the future")
    (empty,) = _review_problems('  reviewed_by: ""\n  reviewed_on: 2026-11-01\n')
    assert empty.startswith("docs/en/side/index.md:6: a reviewed translation must say who")


def test_the_review_priority_list_names_real_pages(tmp_path):
    from scripts.checks import translation
    from scripts.model.review_priority import read
    from tests.helpers import memory_model

    site = memory_model({("nb", "side/index.md"): REVIEW_NB})
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "review-priority.yml").write_text("pages:\n  - side/index.md\n  - borte/index.md\n")
    site.__dict__["review_priority"] = read(type(site.cfg)(**{**site.cfg.__dict__, "root": tmp_path}))
    (problem,) = translation.priority_problems(site)
    assert str(problem).startswith("translations/review-priority.yml:3: 'borte/index.md' is not a Norwegian page")


def test_the_real_priority_list_and_the_coverage_report():
    report = json.loads(cli("coverage", "--json").stdout)
    for data in report["languages"].values():
        assert data["review_first"][:3] == ["index.md", "rettigheter/index.md", "arbeid-og-penger/index.md"]
        assert not set(data["review_first"]) & set(data["reviewed_pages"])
    table = cli("coverage", "--markdown").stdout
    assert "| Maskinoversatt | Gjennomgått |" in table and "## Gjennomgå først" in table
