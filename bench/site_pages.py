"""Screenshots of the main site pages at 360 px and 1366 px, and the bytes a phone downloads.

    .venv/bin/python bench/site_pages.py http://127.0.0.1:8000 [--shots DIR]

Loads each page in Chromium (Playwright) as a 360 px phone at device scale 2, scrolls to the
bottom so that lazy pictures load too, and adds up the bytes of every response (HTML, CSS,
JS, pictures) as sent. Run it against a server with the demo content (`make run`); for the
figures of a deployed site, against production settings (static files compressed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: E402
from tests.support.page_weight import transferred  # noqa: E402

PAGES = {
    "accueil": "/",
    "fiche": "/metiers/soudeur/",
    "filiere": "/filieres/energie/",
    "objet": "/objets-de-a-a-z/pot-de-yaourt/",
    "recherche": "/recherche/?q=yaourt",
    "jeux": "/jeux/",
}
WIDE = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, path in PAGES.items():
            phone = browser.new_context(**PHONE)
            page = phone.new_page()
            size, requests = transferred(page, args.base_url + path)
            print(f"{name:10} {path:40} phone: {size / 1024:7.1f} KB in {requests} responses")
            if args.shots:
                args.shots.mkdir(parents=True, exist_ok=True)
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=args.shots / f"{name}-360.png", full_page=True)
                wide = browser.new_context(**WIDE)
                wide_page = wide.new_page()
                # Scrolled once to the bottom, so the lazy pictures are in the screenshot.
                transferred(wide_page, args.base_url + path)
                wide_page.evaluate("window.scrollTo(0, 0)")
                wide_page.screenshot(path=args.shots / f"{name}-1366.png", full_page=True)
                wide.close()
            phone.close()
        browser.close()


if __name__ == "__main__":
    main()
