"""The whole model of one run: each kind of input read at most once, when first asked for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.model import (
    built,
    claims,
    glossary,
    guide,
    history,
    interface,
    offers,
    pages,
    published,
    redirects,
    review_priority,
)
from scripts.model.config import SiteConfig


@dataclass
class SiteModel:
    cfg: SiteConfig
    # The day review dates and verification ages are judged against. Always
    # passed in (the command line's --today, the build's clock), never read
    # from the calendar inside a check.
    today: dt.date
    site_dir: Path | None = None  # a built site to check, if any
    # False for `mkdocs serve`: its live-reload script, added to every page
    # after the hooks, is different on every request, so the preview has no
    # Content-Security-Policy and the checks do not ask for one.
    policy_expected: bool = True
    _built: built.BuiltSite | None = field(default=None, repr=False)
    # Results derived from the inputs, computed once per run by whoever needs
    # them first (e.g. which offers pass their check).
    memo: dict = field(default_factory=dict, repr=False)

    @cached_property
    def pages(self) -> pages.SourceSite:
        return pages.read_site(self.cfg)

    @cached_property
    def interface(self) -> interface.Interface:
        return interface.read(self.cfg)

    @cached_property
    def offers(self) -> offers.OffersData | None:
        return offers.read_offers(self.cfg)

    @cached_property
    def guide(self) -> guide.Guide | None:
        """The guide (veiviser/): data/veiviser.yml."""
        return guide.read_guide(self.cfg)

    @cached_property
    def redirects(self) -> redirects.Redirects:
        return redirects.read_redirects(self.cfg)

    @cached_property
    def glossary_nb(self) -> list[str]:
        """The Norwegian terms of the translators' glossaries."""
        return glossary.norwegian_values(self.glossaries)  # the files read once, for both

    @cached_property
    def glossaries(self) -> glossary.Glossaries:
        """Each language's approved terms and the variants to avoid."""
        return glossary.read(self.cfg)

    @cached_property
    def review_priority(self) -> review_priority.Priority:
        """The pages to review first (translations/review-priority.yml)."""
        return review_priority.read(self.cfg)

    @cached_property
    def history(self) -> history.History:
        """Earlier versions of the pages, from git (read when first asked for)."""
        return history.History(self.cfg.root)

    @cached_property
    def published(self) -> list[str]:
        return published.read_published(self.cfg)

    @cached_property
    def claims(self) -> claims.Claims:
        return claims.read_claims(self.cfg)

    @property
    def built(self) -> built.BuiltSite | None:
        if self._built is None and self.site_dir is not None:
            self._built = built.scan(self.site_dir)
        return self._built
