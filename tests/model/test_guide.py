"""The guide's model (scripts/model/guide.py): reading data/veiviser.yml and its rules."""

from __future__ import annotations

from scripts.model import guide as guide_model
from scripts.model.yamlfile import load
from tests.helpers import model

SMALL = """
questions:
  - id: hvem
    text: {nb: Hvem?}
    answers:
      - {id: barn, text: {nb: Barn}}
      - {id: voksen, text: {nb: Voksen}}
  - id: arbeid
    when: {hvem: [barn]}
    text: {nb: Jobb?}
    answers:
      - {id: ja, text: {nb: Ja}}
      - {id: nei, text: {nb: Nei}}
items:
  - id: alltid
    section: a/index.md#x
  - id: barn-jobb
    when: [{hvem: [barn], arbeid: [ja]}]
    section: a/index.md#y
  - id: voksen
    when: {hvem: [voksen]}
    section: a/index.md#z
"""


def small() -> guide_model.Guide:
    data, problems = load(SMALL, "x.yml")
    assert problems == []
    return guide_model.parse(data)


def test_a_question_is_asked_only_when_its_rule_holds():
    guide = small()
    assert guide.next_question({}).id == "hvem"
    assert guide.next_question({"hvem": "barn"}).id == "arbeid"
    assert guide.next_question({"hvem": "voksen"}) is None


def test_every_path_and_its_results():
    guide = small()
    assert guide.complete_paths() == [
        [("hvem", "barn"), ("arbeid", "ja")],
        [("hvem", "barn"), ("arbeid", "nei")],
        [("hvem", "voksen")],
    ]
    assert [i.id for i in guide.results({"hvem": "barn", "arbeid": "ja"})] == ["alltid", "barn-jobb"]
    assert [i.id for i in guide.results({"hvem": "barn", "arbeid": "nei"})] == ["alltid"]
    assert [i.id for i in guide.results({"hvem": "voksen"})] == ["alltid", "voksen"]


def test_a_condition_on_a_question_not_asked_does_not_hold():
    assert not guide_model.holds([{"arbeid": ["ja"]}], {"hvem": "voksen"})
    assert guide_model.holds([{"arbeid": ["ja"]}, {"hvem": ["voksen"]}], {"hvem": "voksen"})


def test_addresses_follow_the_answers():
    guide = small()
    assert guide.addresses() == ["veiviser/barn/", "veiviser/barn/ja/", "veiviser/barn/nei/", "veiviser/voksen/"]
    assert guide.asked({"hvem": "barn", "arbeid": "ja"}) == guide.questions


def test_reading_is_lenient():
    guide = guide_model.parse({"questions": [None, {"id": "q"}], "items": "nonsense"})
    assert [q.id for q in guide.questions] == ["q"]
    assert guide.items == []


def test_the_real_guide_is_read_once():
    site = model()
    assert site.guide is site.guide
    assert site.guide.read_problems == []
    assert {q.id for q in site.guide.questions} >= {"hvem", "arbeid"}
