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


def answer_tree() -> dict[tuple, str | None]:
    """Every point of the guide: the answers so far -> the question asked
    next there, or None where the results are shown."""
    asked: dict[tuple, str | None] = {}
    for steps in PATHS:
        for i, (question_id, _) in enumerate(steps):
            assert asked.setdefault(tuple(steps[:i]), question_id) == question_id, steps
        asked[tuple(steps)] = None
    return asked


# What a reader sees on one static step page, read in one round trip.
STEP_PAGE_JS = """() => {
  const text = (el) => el ? el.innerText : null;
  return {
    heading: text(document.querySelector("#sporsmal")),
    choices: [...document.querySelectorAll(".guide-choices a")].map(a => ({text: a.innerText, href: a.href})),
    titles: [...document.querySelectorAll(".guide-list .guide-item h3")].map(text),
    more: [...document.querySelectorAll(".guide-item__more a")].map(a => a.href),
    nbCopy: document.querySelectorAll(".guide-nb__list > li").length,
  };
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_every_path_without_javascript(no_js, served_site, built_site, locale):
    """Each step page is visited once, following the links a reader would tap."""
    tree = answer_tree()
    to_visit = [((), start(served_site, locale))]
    while to_visit:
        steps, url = to_visit.pop()
        no_js.goto(url)
        seen = no_js.evaluate(STEP_PAGE_JS)
        question_id = tree[steps]
        if question_id is not None:
            question = GUIDE.question(question_id)
            assert norm(seen["heading"] or "").endswith(norm(text(question.text, locale))), (steps, seen["heading"])
            assert [norm(c["text"]) for c in seen["choices"]] == [
                norm(text(a.text, locale)) for a in question.answers
            ], steps
            for answer, choice in zip(question.answers, seen["choices"]):
                child = (*steps, (question_id, answer.id))
                if child in tree:
                    to_visit.append((child, choice["href"]))
            continue
        assert no_js.url.endswith("veiviser/" + path_id(steps) + "/"), (steps, no_js.url)
        assert seen["heading"] is None, steps
        assert [norm(t) for t in seen["titles"]] == [norm(t) for t in expected_titles(steps, locale)], steps
        # Every link into the content pages lands on a section that exists.
        for href in seen["more"]:
            parts = urlsplit(href)
            rel = parts.path.split("/parorende/", 1)[1]
            built = (built_site / rel / "index.html").read_text(encoding="utf-8")
            assert f'id="{parts.fragment}"' in built, href
        assert seen["nbCopy"] == (0 if locale == "nb" else len(seen["titles"]))
    assert all(steps in tree for steps in map(tuple, PATHS))


# The state of the one-page guide (JavaScript on), read in one round trip.
# "Visible" as Playwright means it: a box on screen, not visibility:hidden.
GUIDE_STATE_JS = """() => {
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  return {
    asked: [...document.querySelectorAll("fieldset[data-guide-question]")].filter(shown)
      .map(f => f.dataset.guideQuestion),
    titles: [...document.querySelectorAll(".guide-list [data-guide-item]")].filter(shown)
      .map(item => item.querySelector("h3").innerText),
    status: document.querySelector("[data-guide-status]").innerText,
    nbCopy: [...document.querySelectorAll(".guide-nb__list [data-guide-item]")].filter(shown).length,
  };
}"""


@pytest.mark.parametrize("locale", LOCALES)
def test_every_path_with_javascript_keeps_the_answers_in_the_address(with_js, served_site, locale):
    """Each path from an empty guide, as a reader answers; then the address
    alone; then "start over" (the next path begins where a reader who starts
    over begins, without loading the page again)."""
    requests: list[str] = []
    with_js.on("request", lambda request: requests.append(request.url))
    with_js.goto(start(served_site, locale))
    empty = with_js.evaluate(GUIDE_STATE_JS)
    assert empty["asked"] and not empty["titles"]
    for steps in PATHS:
        assert with_js.locator("[data-guide-nojs]").is_hidden()
        for question_id, answer_id in steps:
            fieldset = with_js.locator(f'fieldset[data-guide-question="{question_id}"]')
            assert fieldset.is_visible(), steps
            fieldset.locator(f'input[value="{answer_id}"]').check()
        state = with_js.evaluate(GUIDE_STATE_JS)
        # Exactly the questions on this path are shown, in the guide's order.
        assert state["asked"] == [q.id for q in GUIDE.questions if q.id in {q for q, _ in steps}], steps
        expected = [norm(t) for t in expected_titles(steps, locale)]
        assert [norm(t) for t in state["titles"]] == expected, steps
        assert str(len(expected)) in norm(state["status"])
        assert dict(parse_qsl(urlsplit(with_js.url).query)) == dict(steps)
        # The address alone gives the same result (a bookmark, a shared link).
        with_js.reload()
        again = with_js.evaluate(GUIDE_STATE_JS)
        assert [norm(t) for t in again["titles"]] == expected
        if locale != "nb":
            assert again["nbCopy"] == len(expected)
        with_js.click("[data-guide-reset]")
        assert with_js.evaluate(GUIDE_STATE_JS) == empty, steps
        assert urlsplit(with_js.url).query == "", with_js.url
        assert with_js.evaluate("document.querySelectorAll('[data-guide] input:checked').length") == 0
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
