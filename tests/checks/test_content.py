"""Content checks: each fixture page in tests/fixtures/content-site holds one
kind of mistake; each test asserts the exact file, line and message an
editor would see. The last test checks the real site."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tests.helpers import FIXTURES, cli, problems

FIXTURE = FIXTURES / "content-site"
# What the content checks report on a page: its own problems, its agreement
# with the Norwegian page, readability, and its translation metadata.
CONTENT = ("content", "agreement", "readability", "translation")


@pytest.fixture(scope="module")
def reported() -> list[str]:
    return [str(p) for p in problems(FIXTURE, *CONTENT) if p.check != "coverage"]


def on(reported: list[str], page: str) -> list[str]:
    return sorted(line for line in reported if line.startswith(f"docs/{page}/index.md"))


def test_a_correct_page_and_its_translations_pass(reported):
    # en and ar write 116 117 as 116117, 10 000 as 10,000 / ١٠٬٠٠٠, the date
    # with a month name / ٢٠٢٧/١/١ and a different number in a link anchor.
    assert on(reported, "nb/ok") + on(reported, "en/ok") + on(reported, "ar/ok") == []


def test_front_matter_fields(reported):
    assert on(reported, "nb/front-matter") == sorted(
        [
            "docs/nb/front-matter/index.md:1: the required field 'owner' is missing or "
            "empty. Add 'owner:' to the front matter (see translations/CONTENT-SPEC.md).",
            "docs/nb/front-matter/index.md:10: source number 2 needs both 'title' and "
            "'url'. Write each source as '- title: Name of the page' with 'url: https://...' "
            "on the next line, indented under 'title'.",
            "docs/nb/front-matter/index.md:11: warning: unknown front matter field 'review_note'. "
            "Check the spelling; the fields are: title, description, owner, last_reviewed, "
            "next_review, time_sensitive, sources, review_notes, translation, audience.",
            "docs/nb/front-matter/index.md:4: 'last_reviewed' is not a valid date ('1. "
            "juni 2026'). Write it as YYYY-MM-DD, for example 2027-03-01.",
            "docs/nb/front-matter/index.md:6: 'time_sensitive' must be true or false. "
            "Write 'time_sensitive: true' if the page has amounts, day counts, ages or "
            "deadlines, otherwise 'false'.",
            "docs/nb/front-matter/index.md:9: the source address 'http://example.no/side' "
            "must start with https://. Use the page's secure (https) address.",
        ]
    )


def test_impossible_date_and_broken_yaml(reported):
    assert on(reported, "nb/impossible-date") == sorted(
        [
            "docs/nb/impossible-date/index.md:5: 'last_reviewed' is not a valid date "
            "(2026-13-01). Write it as YYYY-MM-DD, for example 2027-03-01."
        ]
    )
    assert on(reported, "nb/bad-yaml") == sorted(
        [
            "docs/nb/bad-yaml/index.md:5: front matter is not valid YAML (found unexpected "
            "end of stream). Check the spelling and indentation of this line (and the "
            "lines just above it)."
        ]
    )


def test_review_date_warns_and_never_stops_publishing():
    def review(today):
        return on([str(p) for p in problems(FIXTURE, "content", today=today)], "nb/review-dates")

    assert review(dt.date(2026, 12, 10)) == []
    assert review(dt.date(2026, 12, 21)) == sorted(
        [
            "docs/nb/review-dates/index.md:6: warning: the page is due for review on "
            "2027-01-10 (20 days from now). Plan the review; after it, update 'last_reviewed' "
            "and 'next_review'."
        ]
    )
    assert review(dt.date(2027, 1, 11)) == sorted(
        [
            "docs/nb/review-dates/index.md:6: warning: the review date 2027-01-10 has passed; readers see "
            "that the page is due for review. Review the page (check every fact against its source), then "
            "set 'last_reviewed' to today and 'next_review' to the next date."
        ]
    )


def test_review_interval(reported):
    assert on(reported, "nb/review-interval") == sorted(
        [
            "docs/nb/review-interval/index.md:6: 'next_review' (2027-07-10) is more than "
            "12 months after 'last_reviewed' (2026-01-10); time-sensitive pages (time_sensitive: "
            "true) must be reviewed at least every 12 months. Set it to 2027-01-10 or earlier."
        ]
    )


def test_unsafe_input(reported):
    page = "docs/nb/unsafe/index.md"
    invisible = (
        "Delete it: it is invisible in most editors and can change how the text is "
        "shown or read aloud (retype the words around it)."
    )
    no_alt = (
        "an image has no alt text. Describe what the image shows between the brackets: "
        "![What the picture shows](file.png)."
    )
    raw = "is not allowed in pages. Remove it; ask a developer if the page needs something it would do."
    assert on(reported, "nb/unsafe") == sorted(
        [
            f"{page}:15: raw <script> {raw}",
            f"{page}:17: raw <iframe> {raw}",
            f"{page}:19: raw <style> {raw}",
            f"{page}:21: the attribute onclick= (a script in an attribute) is not allowed. "
            "Remove it; pages must not run scripts.",
            f"{page}:23: a 'javascript:' address is not allowed. Link to a normal https:// "
            "page or a page on this site instead.",
            f"{page}:25: {no_alt}",
            f"{page}:27: {no_alt}",
            f"{page}:29: invisible character U+200B (ZERO WIDTH SPACE) at column 11. {invisible}",
            f"{page}:31: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 4. {invisible}",
            f"{page}:31: invisible character U+202C (POP DIRECTIONAL FORMATTING) at column 10. {invisible}",
            f"{page}:33: invisible character U+00AD (SOFT HYPHEN) at column 7. {invisible}",
            # lines 35-38 are a code block with <script> and '# ...': allowed; line 40 is inline code
            f"{page}:42: the page has more than one main heading ('# ...'); the first "
            "is on line 13. Make this one a subheading: '## ...' with an id.",
            f"{page}:44: the attribute style= (inline styling) is not allowed. Remove "
            "it; styling belongs in the site's stylesheet (ask a developer).",
        ]
    )


def test_no_main_heading(reported):
    assert on(reported, "nb/no-h1") == [
        "docs/nb/no-h1/index.md:12: the page has no main heading. Start the text with one line '# Page title'."
    ]


def test_heading_ids(reported):
    assert on(reported, "nb/headings") == sorted(
        [
            "docs/nb/headings/index.md:15: the heading 'Rett til informasjon' has no "
            "id. Add one at the end of the line, ASCII lowercase with hyphens, e.g. '## "
            "Rett til informasjon {#rett-til-informasjon}'; translations keep the same id.",
            "docs/nb/headings/index.md:17: the heading id 'Journal_innsyn' may only use "
            "a-z, 0-9 and hyphens. Write it like {#journal-innsyn} (and change links to it).",
            "docs/nb/headings/index.md:21: the heading id 'klage' is also used on line "
            "19; links to it cannot work. Give this heading another id.",
        ]
    )


def test_translation_headings_match_the_source(reported):
    assert on(reported, "en/structure") == sorted(
        [
            "docs/en/structure/index.md:20: this heading is level 2 (##) but the Norwegian "
            "heading {#alle} is level 3 (###) (docs/nb/structure/index.md:17). Use ###.",
            "docs/en/structure/index.md:22: the heading id {#records} does not match "
            "the Norwegian page, which has {#journal} (docs/nb/structure/index.md:19), "
            "{#klage} (docs/nb/structure/index.md:21) here. Use the same ids, in the "
            "same order, as the Norwegian page.",
        ]
    )


def test_translation_facts_match_the_source(reported):
    src = "docs/nb/facts/index.md"
    missing = "but this translation does not. Write it exactly as the Norwegian page does, or fix the Norwegian page."
    extra = "Check the value against the Norwegian page."
    assert on(reported, "en/facts") == sorted(
        [
            'docs/en/facts/index.md:8: the Norwegian page lists the source "https://www.nav.no/pleiepenger" '
            f"({src}:12) but this translation does not. Add it to 'sources' with the same "
            "url (the title may be translated).",
            'docs/en/facts/index.md:12: the source "https://www.nav.no/en/care-benefit" '
            f"is not among the Norwegian page's sources ({src}). Use the same source "
            "URLs as the Norwegian page.",
            f'docs/en/facts/index.md:20: the Norwegian page says "60" here ({src}:19) {missing}',
            f'docs/en/facts/index.md:20: the Norwegian page says "§ 9-11" here ({src}:19) {missing}',
            'docs/en/facts/index.md:22: this translation says "6" but the Norwegian page '
            f"does not in this section ({src}:17). {extra}",
            'docs/en/facts/index.md:22: this translation says "§ 9-10" but the Norwegian '
            f"page does not in this section ({src}:17). {extra}",
            f'docs/en/facts/index.md:24: the Norwegian page says "22 40 00 40" here ({src}:23) {missing}',
            f'docs/en/facts/index.md:24: the Norwegian page says "post@parorendelinjen.no" here ({src}:23) {missing}',
            'docs/en/facts/index.md:26: this translation says "22 40 00 04" but the Norwegian '
            f"page does not in this section ({src}:21). {extra}",
            'docs/en/facts/index.md:26: this translation says "post@parorendelinjen.com" '
            f"but the Norwegian page does not in this section ({src}:21). {extra}",
        ]
    )


def test_translation_metadata(reported):
    assert on(reported, "en/bad-meta") == sorted(
        [
            "docs/en/bad-meta/index.md:11: translation source_hash is 'abc'; it must "
            "be the 12-character code of the Norwegian page. Run: python -m scripts stamp "
            "docs/en/bad-meta/index.md",
            "docs/en/bad-meta/index.md:11: translation status is 'draft'; it must be "
            "'machine' (not yet checked by a qualified person) or 'reviewed'. Fix the "
            "'status:' line under 'translation:'.",
        ]
    )


def test_readability_warning(reported):
    assert on(reported, "nb/hard-to-read") == sorted(
        [
            "docs/nb/hard-to-read/index.md: warning: the text is hard to read (LIX 98; "
            "the goal is at most 45). Use shorter sentences and shorter words; explain "
            "or split long compound words."
        ]
    )
    # short pages are not scored alone (LIX means little for a few words)
    assert not any("hard to read" in line for line in on(reported, "nb/review-dates"))


def test_editor_pages_need_no_sources(reported):
    assert on(reported, "nb/redaksjon/notat") == []


def test_command_line_exit_status_and_output():
    result = cli("check", "content", "--root", FIXTURE, "--today", "2026-12-01")
    assert result.returncode == 1
    assert "docs/nb/no-h1/index.md:12: the page has no main heading." in result.stderr
    ok = cli("check", "--help")
    assert ok.returncode == 0 and "--today" in ok.stdout and "agreement" in ok.stdout


def test_a_clean_copy_exits_zero(tmp_path):
    # only the correct page: the command must pass, so the failures above come from the mistakes
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("docs"))
    for locale in ("nb", "en", "ar"):
        shutil.copytree(FIXTURE / "docs" / locale / "ok", root / "docs" / locale / "ok")
    result = cli("check", *CONTENT, "--root", root, "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr


def test_real_site_has_no_content_errors():
    errors = [str(p) for p in problems() if p.is_error]
    assert errors == []
