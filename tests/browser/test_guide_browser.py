"""The guide (veiviser/) in a real headless Chromium, against the built site
served under a subpath: every path in every language, without JavaScript
(static pages, one question each) and with it (one page, answers in the
address), checked against the rules in data/veiviser.yml as
scripts/model/guide.py reads them; keyboard use, announcements, right to
left, no storage or requests, and the printed list with its Norwegian copy."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.helpers import model

pytest.importorskip("playwright.sync_api")

GUIDE = model().guide
LOCALES = ["nb", "en", "ar", "so"]
PATHS = GUIDE.complete_paths()


def text(texts: dict, locale: str) -> str:
    return texts.get(locale) or texts["nb"]


def expected_titles(steps, locale: str) -> list[str]:
    return [text(item.texts["title"], locale) for item in GUIDE.results(dict(steps))]


def start(served_site: str, locale: str) -> str:
    return served_site + ("" if locale == "nb" else f"{locale}/") + "veiviser/"


def path_id(steps) -> str:
    return "/".join(answer for _, answer in steps)


@pytest.fixture(scope="module")
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def with_js(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_path_without_javascript(no_js, served_site, built_site, locale):
    for steps in PATHS:
        no_js.goto(start(served_site, locale))
        for question_id, answer_id in steps:
            question = GUIDE.question(question_id)
            heading = norm(no_js.locator("#sporsmal").inner_text())
            assert heading.endswith(norm(text(question.text, locale))), (steps, heading)
            choices = no_js.locator(".guide-choices a")
            assert choices.count() == len(question.answers)
            index = [a.id for a in question.answers].index(answer_id)
            assert norm(choices.nth(index).inner_text()) == norm(text(question.answer(answer_id).text, locale))
            with no_js.expect_navigation():
                choices.nth(index).click()
        assert no_js.url.endswith("veiviser/" + path_id(steps) + "/")
        assert no_js.locator("#sporsmal").count() == 0
        titles = [norm(t) for t in no_js.locator(".guide-list .guide-item h3").all_inner_texts()]
        assert titles == [norm(t) for t in expected_titles(steps, locale)], steps
        # Every link into the content pages lands on a section that exists.
        for href in no_js.locator(".guide-item__more a").evaluate_all("els => els.map(e => e.href)"):
            parts = urlsplit(href)
            rel = parts.path.split("/parorende/", 1)[1]
            built = (built_site / rel / "index.html").read_text(encoding="utf-8")
            assert f'id="{parts.fragment}"' in built, href
        nb_copy = no_js.locator(".guide-nb__list > li")
        assert nb_copy.count() == (0 if locale == "nb" else len(titles))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_path_with_javascript_keeps_the_answers_in_the_address(with_js, served_site, locale):
    requests: list[str] = []
    with_js.on("request", lambda request: requests.append(request.url))
    for steps in PATHS:
        with_js.goto(start(served_site, locale))
        assert with_js.locator("[data-guide-nojs]").is_hidden()
        for question_id, answer_id in steps:
            fieldset = with_js.locator(f'fieldset[data-guide-question="{question_id}"]')
            assert fieldset.is_visible(), steps
            fieldset.locator(f'input[value="{answer_id}"]').check()
        asked = {q for q, _ in steps}
        for question in GUIDE.questions:
            visible = with_js.locator(f'fieldset[data-guide-question="{question.id}"]').is_visible()
            assert visible == (question.id in asked), (steps, question.id)
        titles = [norm(t) for t in with_js.locator(".guide-list [data-guide-item]:visible h3").all_inner_texts()]
        expected = [norm(t) for t in expected_titles(steps, locale)]
        assert titles == expected, steps
        status = norm(with_js.locator("[data-guide-status]").inner_text())
        assert str(len(expected)) in status
        assert dict(parse_qsl(urlsplit(with_js.url).query)) == dict(steps)
        # The address alone gives the same result (a bookmark, a shared link).
        with_js.reload()
        again = [norm(t) for t in with_js.locator(".guide-list [data-guide-item]:visible h3").all_inner_texts()]
        assert again == expected
        if locale != "nb":
            assert with_js.locator(".guide-nb__list [data-guide-item]:visible").count() == len(expected)
    assert with_js.evaluate("localStorage.length + sessionStorage.length") == 0
    assert with_js.evaluate("document.cookie") == ""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site))
    assert all(url.startswith(origin) for url in requests), [u for u in requests if not u.startswith(origin)]


def test_the_guide_works_with_the_keyboard_and_announces_the_result(with_js, served_site):
    with_js.goto(start(served_site, "nb"))
    status = with_js.locator("[data-guide-status]")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    with_js.locator('input[name="hvem"]').first.focus()
    with_js.keyboard.press("Space")  # barn
    with_js.keyboard.press("Tab")  # the next question that is asked: arbeid
    assert with_js.evaluate("document.activeElement.name") == "arbeid"
    with_js.keyboard.press("Space")  # ansatt
    expected = expected_titles([("hvem", "barn"), ("arbeid", "ansatt")], "nb")
    assert f"{len(expected)} ting" in status.inner_text()
    # Each question is a group with a legend; each answer a labelled radio button.
    for fieldset in with_js.locator("fieldset[data-guide-question]").all():
        assert fieldset.locator("legend").count() == 1
    for radio in with_js.locator('fieldset input[type="radio"]').all():
        assert radio.evaluate("r => r.labels.length") == 1


def test_arabic_is_right_to_left_and_numbers_do_not_break(no_js, served_site):
    no_js.goto(start(served_site, "ar") + "doende/nei/ansatt/")
    assert no_js.locator("html").get_attribute("dir") == "rtl"
    assert no_js.locator(".guide").get_attribute("dir") == "rtl"
    assert no_js.locator(".guide-nb").get_attribute("dir") == "ltr"
    assert no_js.locator(".guide-item__facts .nowrap", has_text="§ 12-10").count() >= 1


@pytest.mark.parametrize("locale", ["ar", "so"])
def test_the_printed_list_has_the_norwegian_copy_on_at_most_two_pages(browser, served_site, locale):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    steps = max(PATHS, key=lambda s: len(GUIDE.results(dict(s))))
    page.goto(start(served_site, locale) + path_id(steps) + "/")
    page.emulate_media(media="print")
    assert page.locator(".guide-nb").is_visible()
    assert page.locator(".md-header").is_hidden()
    norwegian = page.locator(".guide-nb__list > li").all_inner_texts()
    assert [n.split(".")[0] for n in norwegian] == [i.texts["title"]["nb"] for i in GUIDE.results(dict(steps))]
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
    context.close()
