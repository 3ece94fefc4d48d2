"""The guide's check (scripts/checks/guide.py), on the real data and on mistakes made in memory."""

from __future__ import annotations

import copy

from scripts.checks import guide as guide_check
from scripts.model import guide as guide_model
from scripts.model.yamlfile import load
from tests.helpers import ROOT, model


def real_data():
    data, problems = load((ROOT / guide_model.GUIDE_FILE).read_text(encoding="utf-8"), guide_model.GUIDE_FILE)
    assert problems == []
    return data


def messages(data) -> list[str]:
    site = model()
    site.__dict__["guide"] = guide_model.parse(data)
    return [str(p) for p in guide_check.check(site)]


def item(data, item_id: str) -> dict:
    return next(i for i in data["items"] if i["id"] == item_id)


def test_the_real_guide_has_no_problems():
    assert messages(real_data()) == []


def test_a_section_that_does_not_exist():
    data = copy.deepcopy(real_data())
    item(data, "tolk")["section"] = "tolk/index.md#finnes-ikke"
    found = messages(data)
    assert len(found) == 1, found
    assert "links to '#finnes-ikke', but docs/nb/tolk/index.md has no heading with that id" in found[0]


def test_a_number_the_section_does_not_state():
    data = copy.deepcopy(real_data())
    what = item(data, "livets-sluttfase")["what"]
    for locale in what:
        what[locale] = what[locale].replace("60", "20")
    found = messages(data)
    assert found == [
        f"data/veiviser.yml:{item(data, 'livets-sluttfase').line}: the item 'livets-sluttfase' states 20, but the "
        "section arbeid-og-penger/index.md#livets-sluttfase does not. Write only numbers and provisions the page "
        "states there, or link to the section that states it."
    ]


def test_a_provision_that_differs_from_the_page():
    data = copy.deepcopy(real_data())
    item(data, "omsorgsdager")["provision"] = "arbeidsmiljøloven § 12-10"
    found = messages(data)
    assert any("states § 12-10, but the section arbeid-og-penger/index.md#sykt-barn does not" in m for m in found)


def test_a_translation_with_another_number():
    data = copy.deepcopy(real_data())
    what = item(data, "klage")["what"]
    what["so"] = what["so"].replace("6 toddobaad", "8 toddobaad")
    found = messages(data)
    assert len(found) == 2, found
    assert "the so text states 8, the Norwegian text does not" in found[0] + found[1]
    assert "the Norwegian text states 6, the so text does not" in found[0] + found[1]


def test_a_missing_translation():
    data = copy.deepcopy(real_data())
    del data["questions"][0]["text"]["ar"]
    del data["strings"]["so"]["results"]
    found = messages(data)
    assert len(found) == 2, found
    assert "the question 'hvem' has no text in ar" in found[1]
    assert "strings: so has no 'results'" in found[0]


def test_a_rule_naming_an_answer_that_does_not_exist():
    data = copy.deepcopy(real_data())
    item(data, "bpa-barn")["when"] = {"hvem": ["baby"]}
    found = messages(data)
    assert any("names the answer 'baby' to 'hvem', which does not exist" in m for m in found)
    assert any("the item 'bpa-barn' is never shown" in m for m in found)


def test_the_guide_page_needs_its_marker():
    site = model()
    page = site.pages.page("en", "veiviser/index.md")
    page.body = page.body.replace(guide_model.MARKER, "")
    found = [str(p) for p in guide_check.check(site)]
    assert found == [f"docs/en/veiviser/index.md:{page.body_line}: the guide's page has no line <!-- guide -->. "
                     "Put it where the questions should appear."]  # fmt: skip
