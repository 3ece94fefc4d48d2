"""The translation coverage as Markdown tables, in Norwegian, for editors:
the CI job summary and `python -m scripts coverage --markdown`."""

from __future__ import annotations

from scripts.model.config import SiteConfig

LABELS_NB = {"translated": "oversatt", "outdated": "utdatert", "missing": "mangler", "orphan": "foreldreløs"}


def markdown_table(cfg: SiteConfig, report: dict, heading_level: int = 2) -> str:
    h = "#" * heading_level
    names = {lang.locale: lang.name for lang in cfg.languages}
    locales = list(report["languages"])
    lines = [
        f"{h} Oppsummering {{#oppsummering}}",
        "",
        "| Språk | Oversatt | Utdatert | Mangler | Foreldreløse | Dekning |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for locale in locales:
        d = report["languages"][locale]
        lines.append(
            f"| {names.get(locale, locale)} (`{locale}`) | {d['translated']} av {d['total']} "
            f"| {d['outdated']} | {d['missing']} | {d['orphan']} | {d['percent']:.0f} % |"
        )
    lines += [
        "",
        f"{h} Side for side {{#side-for-side}}",
        "",
        "| Side | " + " | ".join(f"`{loc}`" for loc in locales) + " |",
        "|---|" + "---|" * len(locales),
    ]
    for key in report["pages"]:
        cells = [LABELS_NB[report["languages"][loc]["pages"][key]] for loc in locales]
        lines.append(f"| `{key}` | " + " | ".join(cells) + " |")
    for locale in locales:
        for key in report["languages"][locale]["orphans"]:
            lines.append(
                f"| `{key}` ({locale}) | "
                + " | ".join(LABELS_NB["orphan"] if loc == locale else "–" for loc in locales)
                + " |"
            )
    return "\n".join(lines) + "\n"
