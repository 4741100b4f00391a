"""Skip, or fail, when a test needs something the machine lacks.

On a developer's machine a missing Chromium or PostgreSQL skips the tests that need it, with
the reason shown. CI sets REQUIRE_BROWSER=1 and REQUIRE_SERVICES=1 so that the same absence
fails the run instead of passing it silently.
"""

import os

import pytest


def required(variable: str) -> bool:
    return os.environ.get(variable, "").strip().lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str, variable: str) -> None:
    if required(variable):
        pytest.fail(f"{reason} ({variable} is set, so this cannot be skipped)", pytrace=False)
    pytest.skip(reason)
