"""What bounding a frame costs: json.loads alone, our parse_frame (json + bounds + shape), and
msgspec decoding into typed structs, for the frames phones really send.

    .venv/bin/python bench/frame_parsing.py      # msgspec is measured when installed

Issue 8 asked whether a validation library would be simpler and faster than hand checks.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

FRAMES = {
    "choice answer": '{"type":"answer","q":3,"answer":[1],"ref":"c12"}',
    "matching answer": json.dumps(
        {"type": "answer", "q": 2, "answer": {f"p{n}": f"Outil {n}" for n in range(6)}, "ref": "c3"}
    ),
    "escape code": '{"type":"submit","enigme_id":"coffre","code":"4071","ref":"c9"}',
    "ping": '{"type":"ping","ref":"p1"}',
}


def main() -> None:
    from games.protocol.frames import parse_frame

    try:
        import msgspec
    except ImportError:
        msgspec = None
    if msgspec:

        class Frame(msgspec.Struct, forbid_unknown_fields=False):
            type: str
            ref: str | int | None = None
            q: int | None = None
            answer: list[int | str] | dict[str, str] | bool | float | None = None
            enigme_id: str | None = None
            code: str | None = None

        decoder = msgspec.json.Decoder(Frame)
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"{'frame':<18}{'json.loads':>12}{'parse_frame':>14}{'msgspec':>10}   (µs per frame)")
    for name, text in FRAMES.items():
        number = 20_000
        plain = min(timeit.repeat(lambda t=text: json.loads(t), number=number, repeat=5))
        ours = min(timeit.repeat(lambda t=text: parse_frame(t, "player"), number=number, repeat=5))
        typed = (
            min(timeit.repeat(lambda t=text: decoder.decode(t), number=number, repeat=5))
            if msgspec
            else float("nan")
        )
        scale = 1e6 / number
        print(f"{name:<18}{plain * scale:>12.2f}{ours * scale:>14.2f}{typed * scale:>10.2f}")


if __name__ == "__main__":
    main()
