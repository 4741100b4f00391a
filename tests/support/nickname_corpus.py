"""The nickname corpora (tests/fixtures/nicknames/) and the filter's error rates on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from games.moderation.nicknames import NicknameError, clean_nickname

CORPUS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "nicknames"


def read_corpus(name: str) -> list[str]:
    """One nickname a line; blank lines and lines starting with "#" are skipped."""
    lines = (CORPUS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def refused(nickname: str) -> bool:
    try:
        clean_nickname(nickname)
    except NicknameError:
        return True
    return False


@dataclass
class Rates:
    bad: list[str]
    ordinary: list[str]
    accepted_bad: list[str]  # false negatives
    refused_ordinary: list[str]  # false positives

    @property
    def false_negative_rate(self) -> float:
        return len(self.accepted_bad) / len(self.bad)

    @property
    def false_positive_rate(self) -> float:
        return len(self.refused_ordinary) / len(self.ordinary)

    def summary(self) -> str:
        return (
            f"bad corpus: {len(self.accepted_bad)} of {len(self.bad)} accepted "
            f"(false negatives {self.false_negative_rate:.1%}) {self.accepted_bad}\n"
            f"ordinary corpus: {len(self.refused_ordinary)} of {len(self.ordinary)} refused "
            f"(false positives {self.false_positive_rate:.1%}) {self.refused_ordinary}"
        )


def measure() -> Rates:
    bad, ordinary = read_corpus("bad"), read_corpus("ordinary")
    return Rates(
        bad=bad,
        ordinary=ordinary,
        accepted_bad=[name for name in bad if not refused(name)],
        refused_ordinary=[name for name in ordinary if refused(name)],
    )
