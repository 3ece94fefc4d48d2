"""The one record every check returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(order=True)
class Problem:
    """One thing an editor must fix (error) or should look at (warning).

    Prints as ``docs/so/rettigheter/index.md:12: what is wrong. What to do.``
    so an editor can go straight to the line."""

    path: str
    line: int
    message: str
    severity: str = field(default="error", compare=False)  # "error" or "warning"
    check: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
