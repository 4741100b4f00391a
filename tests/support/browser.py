"""Playwright on the system Chromium (no browser download: the machine has no internet)."""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))

# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# closed network refuses; no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fr-FR",
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "fr-FR"}
PROJECTOR = {"viewport": {"width": 1600, "height": 900}, "locale": "fr-FR"}
