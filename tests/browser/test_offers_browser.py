"""The offers filter in a real headless Chromium, against the built site served
under a subpath: it finds the right offers, is usable with the keyboard and
labelled in the page's language, and without JavaScript the list is complete.

The expected offers are worked out here from data/offers.yml and
data/places.yml with the rule readers are promised ("offers for all of
Norway, plus those for your county or municipality"), independently of the
JavaScript that does the filtering."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import ROOT

sync_api = pytest.importorskip("playwright.sync_api")

PAGE = "hjelp-i-naerheten/"


def load(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


OFFERS = load("offers.yml")["offers"]
COUNTY_OF = {m: county for county, ms in load("places.yml")["counties"].items() for m in (ms or [])}
STRINGS = load("offers-strings.yml")


def serves(offer: dict, county: str | None = None, municipality: str | None = None) -> bool:
    area = offer["area"]
    if area == "national":
        return True
    counties = area.get("counties") or []
    municipalities = area.get("municipalities") or []
    if municipality:
        return COUNTY_OF[municipality] in counties or municipality in municipalities
    return county in counties or any(COUNTY_OF[m] == county for m in municipalities)


def expected(county=None, municipality=None, audience=None, language=None) -> set[str]:
    found = set()
    for offer in OFFERS:
        if (county or municipality) and not serves(offer, county, municipality):
            continue
        if audience and audience not in offer["audience"] and "everyone" not in offer["audience"]:
            continue
        if language == "interpreter" and not offer.get("interpreter"):
            continue
        if language and language != "interpreter" and language not in offer["languages"]:
            continue
        found.add(offer["id"])
    return found


@pytest.fixture()
def page(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served_site + PAGE)
    yield page
    context.close()
    assert errors == [], errors


def visible_ids(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-offer]", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.offer)"
        )
    )


def status(page) -> str:
    return page.locator("[data-offers-status]").inner_text()


def count_text(locale: str, shown: int) -> str:
    return STRINGS[locale]["result_count"].replace("{shown}", str(shown)).replace("{total}", str(len(OFFERS)))


def test_the_filter_starts_with_every_offer(page):
    assert visible_ids(page) == {o["id"] for o in OFFERS}
    assert status(page) == count_text("nb", len(OFFERS))


def test_filter_by_county(page):
    page.get_by_label("Fylke eller kommune").select_option(label="Rogaland – hele fylket")
    want = expected(county="Rogaland")
    assert {"klover-kafe-time", "nks-veiledningssenter-sandnes", "lpp-radgivningstelefon"} <= want
    assert visible_ids(page) == want
    assert "nks-veiledningssenter-alta" not in visible_ids(page)
    assert status(page) == count_text("nb", len(want))
    # The county's heading is shown, other counties' headings are not.
    assert page.locator("#fylke-rogaland").is_visible()
    assert not page.locator("#fylke-finnmark").is_visible()


def test_filter_by_municipality_and_audience(page):
    page.get_by_label("Fylke eller kommune").select_option(label="Time")
    page.get_by_label("Eldre", exact=True).check()
    want = expected(municipality="Time", audience="older_people")
    assert "klover-kafe-time" in want and "nks-veiledningssenter-sandnes" not in want
    assert visible_ids(page) == want


def test_a_county_wide_offer_is_found_from_a_municipality(page):
    page.get_by_label("Fylke eller kommune").select_option(label="Stjørdal")
    page.get_by_label("Rus og avhengighet", exact=True).check()
    want = expected(municipality="Stjørdal", audience="addiction")
    assert "nks-veiledningssenter-midt-norge" in want and "demenslinjen" not in want
    assert visible_ids(page) == want


def test_filter_by_language_and_reset(page):
    page.get_by_label("Språk tilbudet gis på").select_option(label="Tolk kan bestilles")
    assert visible_ids(page) == expected(language="interpreter") == {"parorendesenteret"}
    assert status(page) == count_text("nb", 1)
    page.get_by_role("button", name="Vis alle").click()
    # A string condition would be evaluated with eval(), which the page's CSP refuses.
    sync_api.expect(page.locator("[data-offers-status]")).to_have_text(re.compile(f"^Viser {len(OFFERS)} "))
    assert visible_ids(page) == {o["id"] for o in OFFERS}


def test_the_filter_works_with_the_keyboard(page):
    # Tab to the place list, then choose with the arrow keys: the first county
    # in the list is taken, and the live region announces the new count.
    place = page.get_by_label("Fylke eller kommune")
    place.focus()
    page.keyboard.press("ArrowDown")
    first_county = load("places.yml")["counties"]
    assert place.input_value() == f"county:{next(iter(first_county))}"
    assert visible_ids(page) == expected(county=next(iter(first_county)))
    page.keyboard.press("Tab")
    # Focus is now in the audience radio group; arrow keys move the choice.
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(
        "[document.activeElement.name, document.activeElement.value, document.activeElement.checked]"
    )
    assert focused[0] == "audience" and focused[2] is True
    assert visible_ids(page) == expected(county=next(iter(first_county)), audience=focused[1])


def test_controls_are_labelled_and_grouped(page):
    form = page.get_by_role("search", name="Finn tilbud")
    assert form.is_visible()
    assert form.get_by_role("combobox", name="Fylke eller kommune").is_visible()
    assert form.get_by_role("combobox", name="Språk tilbudet gis på").is_visible()
    assert form.get_by_role("group", name="Hvem er tilbudet for").is_visible()
    live = page.locator("[data-offers-status]")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"


@pytest.mark.parametrize(
    "locale, place_label, county_label",
    [
        ("en", "County or municipality", "Rogaland – the whole county"),
        ("ar", "المقاطعة أو البلدية", "Rogaland – المقاطعة كلها"),
        ("so", "Gobol ama degmo", "Rogaland – gobolka oo dhan"),
    ],
)
def test_the_filter_speaks_the_page_language(browser, served_site, locale, place_label, county_label):
    page = browser.new_page()
    try:
        page.goto(f"{served_site}{locale}/{PAGE}")
        page.get_by_label(place_label).select_option(label=county_label)
        want = expected(county="Rogaland")
        assert visible_ids(page) == want
        assert page.locator("[data-offers-status]").inner_text() == count_text(locale, len(want))
        assert page.get_by_role("button", name=STRINGS[locale]["show_all"]).is_visible()
        # The list keeps the reader's direction even where the page around
        # it is the Norwegian text shown as a fallback.
        direction = page.locator(".offer__description").first.evaluate("e => getComputedStyle(e).direction")
        assert direction == ("rtl" if locale == "ar" else "ltr")
    finally:
        page.close()


def test_without_javascript_the_whole_list_is_shown(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served_site + PAGE)
        assert not page.locator("[data-offers-filter]").is_visible()
        assert visible_ids(page) == {o["id"] for o in OFFERS}
        headings = page.locator(".offers-group > h3").all_inner_texts()
        assert headings[0] == "Hele landet"
        national = page.locator(".offers-group").first.locator("[data-offer]")
        assert set(national.evaluate_all("els => els.map(e => e.dataset.offer)")) == {
            o["id"] for o in OFFERS if o["area"] == "national"
        }
        # Each local offer appears under every county it serves.
        for offer in OFFERS:
            if offer["area"] == "national":
                continue
            for county in {
                *offer["area"].get("counties", []),
                *(COUNTY_OF[m] for m in offer["area"].get("municipalities", [])),
            }:
                group = page.locator(f'.offers-group[data-offers-group="{county}"]')
                assert group.locator(f'[data-offer="{offer["id"]}"]').count() == 1, (offer["id"], county)
    finally:
        context.close()
