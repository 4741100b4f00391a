"""The ROME reader's only exception."""

from __future__ import annotations

from pathlib import Path


class RomeFormatError(ValueError):
    """A ROME file missing or invalid.

    ``line`` is the physical line where the faulty record starts (1 = header), or ``None``
    when the error is about the whole file (missing, unreadable).
    """

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        # The name alone is enough for the user: they gave the folder to the command.
        where = self.path.name or str(self.path)
        if self.line is None:
            return f"{where} : {self.message}"
        return f"{where}, ligne {self.line} : {self.message}"

    def __reduce__(self):  # pragma: no cover - keeps the exception picklable
        return (type(self), (self.path, self.line, self.message))
