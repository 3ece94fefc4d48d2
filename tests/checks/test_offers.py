"""The offers directory: every kind of bad entry is reported with the file, the
line and the offer's id, and the page lists every offer in every language.

Check tests run scripts/checks/offers.py on a small site in a temporary folder (a
copy of the real languages, places and strings, plus one offer we break in one
way per test). Build tests use the real `mkdocs build --strict`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts.checks import offers as offers_check
from scripts.model.offers import parse_phone
from scripts.render import offers as offers_render
from tests.conftest import build_site
from tests.helpers import ROOT, TODAY, cli, model, problems


def render(site: Path, locale: str, today: dt.date = TODAY) -> str:
    """The directory as the build renders it for one language."""
    found = model(site, today=today)
    return offers_render.render(
        found.offers,
        offers_check.shown_offers(found),
        locale,
        found.interface.direction(locale),
        stale=lambda offer: offers_check.stale(offer, today),
    )


GOOD = """\
offers:
  - id: test-kafe
    name: Testkafé
    organisation: Testforeningen
    kind: meeting_place
    audience: [older_people]
    area:
      municipalities: [Time]
    contact:
      phone: 22461922
      web: https://example.no/kafe
    languages: [nb]
    free: true
    referral: false
    description:
      nb: Norsk tekst om kafeen.
      en: English text about the café.
      ar: نص عربي عن المقهى.
      so: Qoraal Soomaali ah oo ku saabsan kafeega.
    description_status: machine
    sources:
      - title: Kilde
        url: https://example.no/kilde
    verified: 2026-11-22
"""

SECOND = """\
  - id: test-telefon
    name: Testtelefonen
    organisation: Testforeningen
    kind: helpline
    audience: [everyone]
    area: national
    contact:
      phone: 116 123
    languages: [nb, en]
    interpreter: true
    free: unknown
    referral: false
    description:
      nb: Norsk tekst om telefonen.
      en: English text about the phone.
      ar: نص عربي عن الهاتف.
      so: Qoraal Soomaali ah oo ku saabsan telefoonka.
    description_status: machine
    sources:
      - title: Kilde
        url: https://example.no/kilde2
    verified: 2026-11-22
"""


def make_site(tmp_path: Path, offers_text: str = GOOD, strings: str | None = None, places: str | None = None) -> Path:
    """A site folder with the real mkdocs.yml languages and the given data."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "offers.yml").write_text(offers_text, encoding="utf-8")
    (tmp_path / "data" / "places.yml").write_text(
        places if places is not None else (ROOT / "data" / "places.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "data" / "offers-strings.yml").write_text(
        strings if strings is not None else (ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return tmp_path


def problems_for(tmp_path: Path, offers_text: str = GOOD, today: dt.date = TODAY, **kwargs) -> list[str]:
    site = make_site(tmp_path, offers_text, **kwargs)
    return [str(p) for p in problems(site, "offers", today=today)]


def line_of(text: str, needle: str, start: int = 0, whole: bool = False) -> int:
    """1-based line number of the first line containing needle (after line
    `start`); with whole=True, of the first line that is exactly needle."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > start and (line == needle if whole else needle in line):
            return number
    raise AssertionError(f"{needle!r} not in text")


# --- the check -----------------------------------------------------------------


def test_good_entry_has_no_problems(tmp_path):
    assert problems_for(tmp_path, GOOD + SECOND) == []


def test_the_real_data_passes_on_the_day_it_was_last_verified():
    newest = max(entry["verified"] for entry in real_offers())
    assert [str(p) for p in problems(ROOT, "offers", today=newest)] == []


def test_missing_field_names_the_offer_and_its_first_line(tmp_path):
    text = GOOD.replace("    kind: meeting_place\n", "")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:2: offer 'test-kafe': 'kind' is missing. Add it (data/README.md says what it means)."
    ]


def test_misspelt_field(tmp_path):
    text = GOOD.replace("    free: true\n", "    free: true\n    telefon: 12\n")
    assert problems_for(tmp_path, text) == [
        f"data/offers.yml:{line_of(text, 'telefon')}: offer 'test-kafe': unknown field 'telefon'. Check the spelling; "
        "the fields are: id, name, organisation, kind, audience, area, languages, "
        "free, referral, description, sources, "
        "verified, contact, interpreter, description_status, review_notes."
    ]


@pytest.mark.parametrize("phone", ["22 46 19 2", "12345", "+47 22 46 19 22 99", "ring oss"])
def test_bad_phone_number(tmp_path, phone):
    text = GOOD.replace("phone: 22461922", f"phone: {phone}")
    assert problems_for(tmp_path, text) == [
        f"data/offers.yml:10: offer 'test-kafe': '{phone}' is not a valid Norwegian "
        "phone number. Check the digits against "
        "the source page (8 digits, e.g. 22 46 19 22, or a short number like 116 123)."
    ]


def test_phone_is_shown_formatted_and_linked(tmp_path):
    html = render(make_site(tmp_path, GOOD + SECOND), "nb")
    assert '<a href="tel:+4722461922" dir="ltr">22 46 19 22</a>' in html
    assert '<a href="tel:116123" dir="ltr">116 123</a>' in html


def test_web_page_must_be_https(tmp_path):
    text = GOOD.replace("web: https://example.no/kafe", "web: http://example.no/kafe")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:11: offer 'test-kafe': the web address 'http://example.no/kafe' must start with https:// . "
        "Open the page in a browser and copy the https address."
    ]


def test_source_must_be_https_and_complete(tmp_path):
    text = GOOD.replace("url: https://example.no/kilde", "url: https://kilde")
    assert problems_for(tmp_path, text) == [
        f"data/offers.yml:{line_of(text, 'url: https://kilde')}: offer 'test-kafe': 'https://kilde' is not a complete "
        "web address. Copy it from the browser's address bar."
    ]


def test_missing_translation_is_a_warning_and_the_page_falls_back_to_norwegian(tmp_path):
    text = GOOD.replace("      so: Qoraal Soomaali ah oo ku saabsan kafeega.\n", "")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:15: warning: offer 'test-kafe': there is no description "
        "in Soomaali ('so:'). The page shows the "
        "Norwegian text with a notice until you add a translation."
    ]
    html = render(tmp_path, "so")
    assert '<p class="offer__description" lang="nb">Norsk tekst om kafeen.</p>' in html
    assert "Sharraxaaddan waxay ku qoran tahay af-Noorweejiga oo keliya." in html


def test_norwegian_description_is_required(tmp_path):
    text = GOOD.replace("      nb: Norsk tekst om kafeen.\n", "")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:15: offer 'test-kafe': the Norwegian description ('nb:') is missing. "
        "Write one to three short, plain sentences."
    ]


def test_machine_translations_are_marked_on_the_page(tmp_path):
    site = make_site(tmp_path, GOOD)
    assert "This description is a machine translation from Norwegian." in render(site, "en")
    assert "machine translation" not in render(site, "nb")
    reviewed = GOOD.replace("description_status: machine", "description_status: reviewed")
    (site / "data" / "offers.yml").write_text(reviewed, encoding="utf-8")
    assert "This description is a machine translation" not in render(site, "en")


def test_duplicate_ids(tmp_path):
    text = GOOD + SECOND.replace("id: test-telefon", "id: test-kafe")
    second = line_of(text, "id: test-kafe", start=2)
    assert problems_for(tmp_path, text) == [
        f"data/offers.yml:{second}: offer 'test-kafe': the id is already used by the offer on line 2. "
        "Give each offer its own id."
    ]


def test_bad_id(tmp_path):
    text = GOOD.replace("id: test-kafe", "id: Test Kafé")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:2: offer 'Test Kafé': the id 'Test Kafé' may only use small letters a-z, digits and hyphens, "
        "e.g. 'klover-kafe-time'."
    ]


def test_unknown_municipality(tmp_path):
    text = GOOD.replace("municipalities: [Time]", "municipalities: [Bryne]")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:7: offer 'test-kafe': unknown municipality 'Bryne'. Check the spelling against "
        "data/places.yml, or add the municipality there under its county."
    ]


def test_unknown_county(tmp_path):
    text = GOOD.replace("municipalities: [Time]", "counties: [Viken]")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:7: offer 'test-kafe': unknown county 'Viken'. Use the name exactly as in data/places.yml "
        "(the counties from 2024)."
    ]


def test_county_comes_from_the_municipality(tmp_path):
    html = render(make_site(tmp_path), "nb")
    assert '<h3 id="fylke-rogaland">Rogaland</h3>' in html
    assert "<dd>Time (Rogaland)</dd>" in html


@pytest.mark.parametrize(
    "field, bad, message",
    [
        (
            "kind: meeting_place",
            "kind: cafe",
            "unknown kind 'cafe'. Use one of: guidance_centre, meeting_place, course, "
            "helpline, municipal_service, user_organisation.",
        ),
        (
            "audience: [older_people]",
            "audience: [elderly]",
            "unknown audience 'elderly'. Use one or more of: addiction, mental_health, "
            "dementia, children_young, older_people, everyone.",
        ),
        (
            "languages: [nb]",
            "languages: [norsk]",
            "unknown language code 'norsk'. Use one of: nb, en, ar, so (add a new one under language_names in "
            "data/offers-strings.yml, in every language).",
        ),
        (
            "free: true",
            "free: maybe",
            "'free' must be true, false or unknown (write unknown when the source does not say).",
        ),
    ],
)
def test_values_from_the_lists(tmp_path, field, bad, message):
    text = GOOD.replace(field, bad)
    assert problems_for(tmp_path, text) == [f"data/offers.yml:{line_of(text, bad)}: offer 'test-kafe': {message}"]


@pytest.mark.parametrize(
    "today, expected",
    [
        (dt.date(2027, 11, 22), []),  # exactly 12 months: still fine
        (
            dt.date(2027, 11, 23),
            [
                "data/offers.yml:24: warning: offer 'test-kafe': last verified 2026-11-22, more than 12 months "
                "ago. Check the offer against its source page and update 'verified'."
            ],
        ),
        (
            dt.date(2028, 5, 22),
            [
                "data/offers.yml:24: warning: offer 'test-kafe': last verified 2026-11-22, more than 12 months "
                "ago. Check the offer against its source page and update 'verified'."
            ],
        ),
        (
            dt.date(2028, 5, 23),
            [
                "data/offers.yml:24: warning: offer 'test-kafe': last verified 2026-11-22, more than 18 months ago; "
                "readers see that it has not been checked recently. Check the offer against its source page now and "
                "update 'verified', or remove the offer."
            ],
        ),
    ],
)
def test_verification_age(tmp_path, today, expected):
    assert problems_for(tmp_path, GOOD, today=today) == expected


def test_an_old_verification_never_stops_publishing_but_readers_are_told(tmp_path):
    site = make_site(tmp_path)
    (old,) = problems(site, "offers", today=dt.date(2028, 6, 1))
    assert old.severity == "warning"
    (stale,) = problems(site, "offers", today=dt.date(2028, 1, 1))
    assert stale.severity == "warning"
    notice = "The editors have not checked this offer for more than 18 months."
    assert notice in render(site, "en", today=dt.date(2028, 6, 1))
    assert notice not in render(site, "en", today=dt.date(2028, 1, 1))


def test_verified_in_the_future_or_not_a_date(tmp_path):
    assert problems_for(tmp_path, GOOD, today=dt.date(2026, 11, 21)) == [
        "data/offers.yml:24: offer 'test-kafe': the date 2026-11-22 is in the future. "
        "Write the day you checked the source page."
    ]
    text = GOOD.replace("verified: 2026-11-22", "verified: 22.11.2026")
    other = tmp_path / "other"
    other.mkdir()
    assert problems_for(other, text) == [
        "data/offers.yml:24: offer 'test-kafe': 'verified: 22.11.2026' must be a date written as YYYY-MM-DD, "
        "e.g. 2026-11-22, without quotes."
    ]


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = GOOD.replace("    name: Testkafé\n", "    name: Testkafé\n   organisation: [oops\n")
    (problem,) = problems_for(tmp_path, text)
    assert problem.startswith("data/offers.yml:4: this is not valid YAML")
    assert problem.endswith("Check the spelling and indentation of this line (and the lines just above it).")


def test_same_field_twice(tmp_path):
    text = GOOD.replace("    free: true\n", "    free: true\n    free: false\n")
    assert problems_for(tmp_path, text) == [
        f"data/offers.yml:{line_of(text, 'free: false')}: 'free' appears twice in the same block. Keep one of them."
    ]


def test_every_language_in_mkdocs_yml_needs_every_string(tmp_path):
    strings = (ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8")
    so_block = line_of(strings, "so:", whole=True)
    broken = re.sub(r"(?m)^  show_all: Muuji dhammaan\n", "", strings)
    assert problems_for(tmp_path, strings=broken) == [
        f"data/offers-strings.yml:{so_block}: the 'so' block (Soomaali) has no text for 'show_all'. "
        "Add it, translated into Soomaali."
    ]


def test_a_missing_kind_name_in_one_language(tmp_path):
    strings = (ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8")
    broken = strings.replace("    helpline: خط هاتفي للمساعدة\n", "")
    kinds_line = line_of(broken, "  kinds:", start=line_of(broken, "ar:", whole=True))
    assert problems_for(tmp_path, strings=broken) == [
        f"data/offers-strings.yml:{kinds_line}: the 'ar' block (العربية) has no text for 'kinds.helpline'. "
        "Add it, translated into العربية."
    ]


def test_a_language_without_a_block(tmp_path):
    strings = (ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8")
    without_ar = strings[: strings.index("\nar:\n") + 1] + strings[strings.index("\nso:\n") + 1 :]
    assert problems_for(tmp_path, strings=without_ar) == [
        "data/offers-strings.yml:1: there is no block for 'ar' (العربية), a language in mkdocs.yml. "
        "Copy the 'nb' block, rename it 'ar:' and translate every line."
    ]


def test_count_placeholders_must_survive_translation(tmp_path):
    strings = (ROOT / "data" / "offers-strings.yml").read_text(encoding="utf-8")
    broken = strings.replace(
        'result_count: "Showing {shown} of {total} offers."', 'result_count: "Showing {shown} offers."'
    )
    assert problems_for(tmp_path, strings=broken) == [
        f"data/offers-strings.yml:{line_of(broken, 'Showing {shown} offers')}: the 'en' text for 'result_count' must "
        "contain {shown} and {total} exactly as in the 'nb' block; the site fills them in."
    ]


def test_municipality_in_two_counties(tmp_path):
    places = (
        (ROOT / "data" / "places.yml")
        .read_text(encoding="utf-8")
        .replace("    - Sandnes\n", "    - Sandnes\n    - Alta\n")
    )
    assert problems_for(tmp_path, places=places) == [
        f"data/places.yml:{line_of(places, 'Rogaland:')}: the municipality 'Alta' is listed under both Finnmark and "
        "Rogaland. If two municipalities share a name, write the county in brackets, e.g. 'Herøy (Nordland)'."
    ]


def test_places_has_the_15_counties_from_2024():
    data = yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))
    assert sorted(data["counties"]) == sorted(
        [
            "Oslo",
            "Rogaland",
            "Møre og Romsdal",
            "Nordland",
            "Østfold",
            "Akershus",
            "Buskerud",
            "Innlandet",
            "Vestfold",
            "Telemark",
            "Agder",
            "Vestland",
            "Trøndelag",
            "Troms",
            "Finnmark",
        ]
    )


def test_a_bad_entry_is_left_out_of_the_page(tmp_path):
    text = GOOD.replace("web: https://example.no/kafe", "web: http://example.no/kafe") + SECOND
    html = render(make_site(tmp_path, text), "nb")
    assert 'data-offer="test-telefon"' in html and 'data-offer="test-kafe"' not in html


def test_command_line(tmp_path):
    site = make_site(tmp_path, GOOD.replace("phone: 22461922", "phone: 123"))
    run = cli("check", "offers", "--root", site, "--today", "2026-12-01")
    assert run.returncode == 1
    assert "data/offers.yml:10: offer 'test-kafe': '123' is not a valid Norwegian phone number." in run.stderr
    (tmp_path / "ok").mkdir()
    good = cli("check", "offers", "--root", make_site(tmp_path / "ok"), "--today", "2026-12-01")
    assert good.returncode == 0, good.stderr


def test_an_offer_needs_a_way_to_reach_it(tmp_path):
    text = GOOD.replace("    contact:\n      phone: 22461922\n      web: https://example.no/kafe\n", "")
    assert problems_for(tmp_path, text) == [
        "data/offers.yml:2: offer 'test-kafe': there is no way to reach this offer. "
        "Add 'phone:' (confirmed on the source page) "
        "or 'web:' (the offer's own page) under 'contact:'."
    ]


# --- the rendered list ----------------------------------------------------------


def real_offers() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "offers.yml").read_text(encoding="utf-8"))["offers"]


def test_national_offers_come_first_then_counties_in_order(tmp_path):
    html = render(ROOT, "nb")
    headings = re.findall(r'<h3 id="[^"]+">([^<]+)</h3>', html)
    assert headings[0] == "Hele landet"
    places = list(yaml.safe_load((ROOT / "data" / "places.yml").read_text(encoding="utf-8"))["counties"])
    assert headings[1:] == [c for c in places if c in headings[1:]]
    assert headings[1:] == ["Akershus", "Finnmark", "Møre og Romsdal", "Rogaland", "Trøndelag"]


@pytest.mark.parametrize(
    "page, words",
    [
        (
            "hjelp-i-naerheten/index.html",
            ["Hele landet", "Fylke eller kommune", "Sist kontrollert", "Gratis", "Henvisning"],
        ),
        (
            "en/hjelp-i-naerheten/index.html",
            ["All of Norway", "County or municipality", "Last checked", "Free", "Referral"],
        ),
        ("ar/hjelp-i-naerheten/index.html", ["النرويج كلها", "المقاطعة أو البلدية", "آخر تحقق", "مجاني", "الإحالة"]),
        (
            "so/hjelp-i-naerheten/index.html",
            ["Norway oo dhan", "Gobol ama degmo", "Markii ugu dambeysay la hubiyay", "Bilaash"],
        ),
    ],
)
def test_built_page_lists_every_offer_in_the_page_language(built_site, page, words):
    html = (built_site / page).read_text(encoding="utf-8")
    for entry in real_offers():
        assert f'data-offer="{entry["id"]}"' in html, entry["id"]
        if entry.get("contact", {}).get("phone"):
            assert parse_phone(entry["contact"]["phone"])[0] in html
        for source in entry["sources"]:
            assert f'href="{source["url"]}"' in html
    for word in words:
        assert word in html, word
    assert "<!-- offers-directory -->" not in html
    locale = page.split("/")[0] if page.count("/") == 2 else "nb"
    assert f'<div class="offers" lang="{locale}" dir="{"rtl" if locale == "ar" else "ltr"}"' in html


def test_built_page_has_one_json_ld_block_with_every_offer(built_site):
    html = (built_site / "en/hjelp-i-naerheten/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    graph = json.loads(blocks[0])["@graph"]
    assert {item["@id"].rsplit("#tilbud-", 1)[1] for item in graph} == {e["id"] for e in real_offers()}
    ivareta = next(item for item in graph if item["provider"].get("telephone") == "+4780040567")
    assert ivareta["@id"].startswith("https://example.org/parorende/en/hjelp-i-naerheten/#tilbud-")
    assert ivareta["description"] and ivareta["description"] == next(
        e["description"]["en"] for e in real_offers() if e.get("contact", {}).get("phone") == "800 40 567"
    )


def test_strict_build_fails_on_a_bad_offer(tmp_path):
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    data = tmp_path / "data" / "offers.yml"
    text = data.read_text(encoding="utf-8").replace("phone: 22 40 00 40", "phone: 22 40 00 4")
    data.write_text(text, encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "out")
    assert result.returncode != 0
    assert (
        f"data/offers.yml:{line_of(text, 'phone: 22 40 00 4')}: offer 'kirkens-sos': '22 40 00 4' is not "
        "a valid Norwegian phone number."
    ) in result.stdout + result.stderr
