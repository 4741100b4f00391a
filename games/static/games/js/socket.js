// The game socket: connect, resume after a drop, notice missed broadcasts, match acks.
//
// The server is the truth. After every (re)connection it sends a snapshot; events in between
// are numbered in their stream: `seq` (broadcasts to every screen), `pseq` (frames to this
// player's phones), `tseq` (frames to its team's). A screen that sees a number jump by more
// than one asks for a snapshot instead of guessing what it missed.

// The protocol this client speaks (docs/protocol.md), asked for in the socket's address.
export const PROTOCOL = 2;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
// The server closed for a reason a retry cannot fix (see games/consumers.py); 4409: this
// phone opened the game in more tabs than allowed and this one was the oldest.
export const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404, 4409, 4410]);
// The server could not write a command because its database was away for a moment: the
// same command is sent again, a few times, and counts as of its first arrival.
const MAX_RESENDS = 8;
// The numbered streams a frame may belong to (one at most); a snapshot says where each stands.
export const STREAMS = ["seq", "pseq", "tseq"];

export function backoffDelay(attempt) {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  // Full jitter on the upper half: a class whose Wi-Fi came back does not reconnect in step.
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export class GameSocket {
  /**
   * @param {string} path  "/ws/jeu/<pin>/hote/" or ".../joueur/"
   * @param {object} handlers  onSnapshot(frame), onEvent(frame), onStatus("open"|"lost"),
   *                           onFinal(closeCode)
   */
  constructor(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    // Last number seen per stream; null: unknown until the next snapshot (nothing checked).
    this.last = { seq: null, pseq: null, tseq: null };
    this.version = null;
    this.clockOffsetMs = 0; // server time minus local time
    this.attempt = 0;
    this.pending = new Map(); // ref -> {resolve, reject}
    this.nextRef = 1;
    this.stopped = false;
    this.ws = null;
  }

  connect() {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    // Protocol 2: the server may write several frames at once, as a JSON list.
    const ws = new WebSocket(`${scheme}://${window.location.host}${this.path}?protocol=${PROTOCOL}`);
    this.ws = ws;
    ws.addEventListener("open", () => {
      this.attempt = 0;
      this.handlers.onStatus?.("open");
    });
    ws.addEventListener("message", (message) => this.receive(message.data));
    ws.addEventListener("close", (event) => this.closed(event.code));
  }

  closed(code) {
    this.failPending();
    if (this.stopped) return;
    if (FINAL_CLOSE_CODES.has(code)) {
      this.stopped = true;
      this.handlers.onFinal?.(code);
      return;
    }
    this.handlers.onStatus?.("lost");
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    window.setTimeout(() => this.connect(), delay);
  }

  stop() {
    this.stopped = true;
    this.ws?.close();
  }

  /** Local time as the server counts it (never trust the phone's clock alone). */
  serverNow() {
    return Date.now() + this.clockOffsetMs;
  }

  syncClock(serverNowMs) {
    if (typeof serverNowMs === "number") this.clockOffsetMs = serverNowMs - Date.now();
  }

  receive(text) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    // One write of the server: a frame, or (protocol 2) the frames of one delivery in order.
    for (const frame of Array.isArray(parsed) ? parsed : [parsed]) {
      if (frame !== null && typeof frame === "object") this.receiveFrame(frame);
    }
  }

  receiveFrame(frame) {
    if (frame.type === "snapshot") {
      for (const stream of STREAMS) this.last[stream] = frame[stream] ?? null;
      this.version = frame.v;
      this.syncClock(frame.now_ms);
      this.handlers.onSnapshot(frame);
      return;
    }
    if (frame.type === "ack" || (frame.type === "error" && frame.ref != null)) {
      this.settle(frame);
      return;
    }
    if (frame.type === "error" || frame.type === "pong") return;
    const stream = STREAMS.find((name) => typeof frame[name] === "number");
    if (stream && this.last[stream] !== null) {
      const last = this.last[stream];
      if (frame[stream] <= last) return; // already seen
      this.last[stream] = frame[stream];
      if (frame[stream] > last + 1) {
        this.requestSnapshot(); // missed one: the snapshot has it
        return;
      }
    }
    if (frame.type === "team_changed") this.changeTeam();
    if (typeof frame.v === "number") this.version = Math.max(this.version ?? 0, frame.v);
    this.syncClock(frame.data?.now_ms);
    this.handlers.onEvent(frame);
  }

  /** Moved to another team: its frames are numbered in another stream, whose position only a
   * snapshot gives (the server files this socket under the new team as it sends this frame). */
  changeTeam() {
    this.last.tseq = null;
    this.requestSnapshot();
  }

  requestSnapshot() {
    this.sendRaw({ type: "snapshot" });
  }

  sendRaw(message) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /** Send a command; resolves on the server's ack, rejects with its error frame. */
  command(message) {
    const ref = `c${this.nextRef++}`;
    return new Promise((resolve, reject) => {
      const waiting = { resolve, reject, message: { ...message, ref }, resends: 0 };
      if (!this.sendRaw(waiting.message)) {
        reject({ code: "offline" });
        return;
      }
      this.pending.set(ref, waiting);
    });
  }

  settle(frame) {
    const waiting = this.pending.get(frame.ref);
    if (!waiting) return;
    if (frame.code === "try_again" && waiting.resends < MAX_RESENDS) {
      waiting.resends += 1;
      window.setTimeout(() => {
        if (this.pending.get(frame.ref) === waiting && !this.sendRaw(waiting.message)) {
          this.pending.delete(frame.ref);
          waiting.reject({ code: "offline" });
        }
      }, frame.retry_after_ms ?? FIRST_DELAY_MS);
      return;
    }
    this.pending.delete(frame.ref);
    if (frame.type === "ack") waiting.resolve(frame);
    else waiting.reject(frame);
  }

  failPending() {
    for (const waiting of this.pending.values()) waiting.reject({ code: "offline" });
    this.pending.clear();
  }
}
