"""What a page costs a phone: the bytes of every response of one full load, lazy pictures too."""

from __future__ import annotations

SETTLE_MS = 800


def transferred(page, url: str) -> tuple[int, int]:
    """(bytes, responses) for one load of `url` in a Playwright page, scrolled to the bottom so
    that lazy pictures load. Headers and bodies as sent: compressed when they were."""
    sizes: list[int] = []

    def count(response):
        request_sizes = response.request.sizes()
        sizes.append(request_sizes["responseBodySize"] + request_sizes["responseHeadersSize"])

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(SETTLE_MS)
    page.remove_listener("response", count)
    return sum(sizes), len(sizes)


def compressed(page, url: str) -> tuple[int, int]:
    """(bytes, responses) for one load of `url` as a compressing server would send it: each
    body gzipped (level 6, as WhiteNoise and most proxies do) plus its headers. For a server
    that does not compress itself, such as the test one."""
    import gzip

    responses = []

    def keep(response):
        responses.append(response)

    page.on("response", keep)
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(SETTLE_MS)
    page.remove_listener("response", keep)
    total = 0
    for response in responses:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or a socket upgrade has no body
            body = b""
        total += len(gzip.compress(body, 6)) + response.request.sizes()["responseHeadersSize"]
    return total, len(responses)
