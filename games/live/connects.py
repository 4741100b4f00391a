"""How often one player's sockets may connect, per process.

An honest phone reconnects a few times a minute at worst (Wi-Fi lost, page reloaded); a
script holding a player's cookie can reconnect hundreds of times a second, and each
connection costs database reads, a presence write and a snapshot. Past the budget the
connection is refused before any of that.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from games.live.registry import per_loop

CONNECTS = 12
WINDOW_S = 10.0
MAX_TRACKED = 20_000


class ConnectBudget:
    def __init__(self) -> None:
        # Plain lists: at most CONNECTS times each, and 2,000 phones' deques cost 1.2 MB.
        self.recent: OrderedDict[tuple, list[float]] = OrderedDict()

    def allow(self, key: tuple, now_s: float | None = None) -> bool:
        now_s = time.monotonic() if now_s is None else now_s
        times = self.recent.get(key)
        if times is None:
            times = self.recent[key] = []
            if len(self.recent) > MAX_TRACKED:
                self.recent.popitem(last=False)
        self.recent.move_to_end(key)
        while times and now_s - times[0] > WINDOW_S:
            del times[0]
        if len(times) >= CONNECTS:
            return False
        times.append(now_s)
        return True


get_connect_budget = per_loop(ConnectBudget)
