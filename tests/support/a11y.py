"""Accessibility check with axe-core (shipped inside axe-playwright-python, no network)."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def blocking_violations(page) -> list[dict]:
    results = _axe.run(page)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    """Fail with a readable list when axe finds a serious or critical violation."""
    violations = blocking_violations(page)
    if violations:
        lines = []
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.extend(f"    at {target}" for target in targets)
        raise AssertionError(
            f"{len(violations)} serious/critical accessibility violation(s) on {page.url}:\n"
            + "\n".join(lines)
        )


def assert_no_horizontal_scroll(page) -> None:
    """At phone width nothing may stick out sideways (a student would have to pan)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px at phone width"
