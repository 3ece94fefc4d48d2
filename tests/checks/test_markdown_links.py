"""Links between pages in the Markdown, and the menu: tested on pages built in memory."""

from __future__ import annotations

from scripts.checks import markdown_links, navigation
from tests.helpers import memory_model

FRONT = "---\ntitle: T\n---\n"


def messages(found) -> list[str]:
    return [str(p) for p in found]


def test_a_link_to_a_missing_page_or_heading_names_its_line():
    model = memory_model(
        {
            ("nb", "a/index.md"): FRONT
            + "# A\n\n## Her {#her}\n\nSe [B](../b/index.md#finnes) og [C](../c/index.md).\n\n[Mangler](#ikke-her) "
            "og [her](#her).\n",
            ("nb", "b/index.md"): FRONT + "# B\n\n## Finnes {#finnes}\n",
            ("en", "a/index.md"): FRONT + "# A\n\n## Here {#her}\n\nSee [B](../b/index.md#gone).\n",
        }
    )
    assert messages(markdown_links.check(model)) == [
        'docs/nb/a/index.md:8: the link "../c/index.md" goes to a page that does '
        "not exist (docs/nb/c/index.md). Correct the link, or create the page it points to.",
        'docs/nb/a/index.md:10: the link "#ikke-her" goes to a heading that does '
        'not exist ("#ikke-her" on docs/nb/a/index.md). Correct the link, or give '
        "the heading that id ({#ikke-her}).",
        # the English page links to the Norwegian page shown in place of a missing translation
        'docs/en/a/index.md:8: the link "../b/index.md#gone" goes to a heading that '
        'does not exist ("#gone" on docs/nb/b/index.md). Correct the link, or give '
        "the heading that id ({#gone}).",
    ]


def test_links_in_code_and_to_other_sites_are_not_followed():
    model = memory_model(
        {
            ("nb", "a/index.md"): FRONT
            + "# A\n\n`[x](../nope/index.md)`\n\n```\n[x](../nope/index.md)\n```\n\n[NAV](https://www.nav.no/#x) "
            "[ring](tel:113)\n"
        }
    )
    assert messages(markdown_links.check(model)) == []


def test_every_page_is_in_the_menu_and_every_menu_entry_is_a_page():
    model = memory_model({("nb", "index.md"): FRONT + "# Hjem\n", ("nb", "glemt/index.md"): FRONT + "# Glemt\n"})
    found = messages(navigation.check(model))
    assert (
        "docs/nb/glemt/index.md:1: the page is not in the menu, so readers cannot "
        "find it. Add the line '- glemt/index.md' under a section of nav: in mkdocs.yml "
        "(see README.md, 'Add a page')." in found
    )
    missing = [m for m in found if m.startswith("mkdocs.yml:") and "'rettigheter/index.md'" in m]
    assert (
        missing and "docs/nb/rettigheter/index.md does not exist. Correct the path, or create the page." in missing[0]
    )
    assert int(missing[0].split(":")[1]) > 0  # the line of the entry in mkdocs.yml
