"""The glossaries, enforced (scripts/checks/terms.py, scripts/model/glossary.py)."""

from __future__ import annotations

from scripts.checks import terms
from scripts.model.glossary import Glossaries, Term
from tests.helpers import ROOT, memory_model, problems

SO = (
    "---\ntitle: Bog\n---\n# Bog\n\nWaxaa lagu heli karaa af-Noorwiijiga.\n\n"
    "```\nNoorwiiji\n```\n\nNOORWIIJI iyo Noorweeji.\n"
)


def _model(text: str):
    site = memory_model({("nb", "side/index.md"): "---\ntitle: Side\n---\n# Side\n", ("so", "side/index.md"): text})
    site.__dict__["glossaries"] = Glossaries(
        {"so": [Term("norsk", "af-Noorweeji", "norsk", ("Noorwiiji",), "translations/glossary/so.yml", 415)]}
    )
    return site


def test_a_variant_to_avoid_is_named_with_the_approved_term_at_its_line_outside_code():
    found = [str(p) for p in terms.check(_model(SO)) if p.path.startswith("docs/")]
    assert found == [
        'docs/so/side/index.md:6: "Noorwiijiga" is a variant the glossary says not to use for "norsk". '
        'Write "af-Noorweeji" instead (the approved term in translations/glossary/so.yml:415).',
        'docs/so/side/index.md:12: "NOORWIIJI" is a variant the glossary says not to use for "norsk". '
        'Write "af-Noorweeji" instead (the approved term in translations/glossary/so.yml:415).',
    ]


def test_the_real_glossaries_list_variants_and_the_site_uses_none_of_them():
    site = memory_model({})
    somali = {t.key: t for t in site.glossaries.terms["so"]}
    assert somali["norsk"].term == "af-Noorweeji" and "Noorwiiji" in somali["norsk"].avoid
    assert site.glossaries.problems == []
    assert problems(ROOT, "terms") == []
