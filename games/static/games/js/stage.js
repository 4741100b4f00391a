// What makes the live screens feel like a game, shared by the class screen and the phones:
// the time ring, the « Prêts ? » countdown, a list area that pages through itself on a
// projector, and the podium's entrance. Motion is skipped when the user asked for less.

import { h, t } from "./render.js";

export function reducedMotion() {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/** Call `update()` now and every `ms` while `node` stays in the page and update() is not false. */
export function whileShown(node, update, ms = 250) {
  if (update() === false) return;
  const timer = window.setInterval(() => {
    if (!node.isConnected || update() === false) window.clearInterval(timer);
  }, ms);
}

/**
 * The seconds left inside a ring that empties. `remaining()` gives ms left (null: unknown),
 * `totalMs` the question's time. `onSecond(seconds)` is called once per new second.
 */
export function timeRing(remaining, totalMs, { paused = false, onSecond = null } = {}) {
  const value = h("span", { class: "time-ring__value" });
  const ring = h("div", { class: "time-ring", "aria-hidden": "true" }, value);
  let last = null;
  whileShown(ring, () => {
    const ms = remaining();
    if (ms == null) {
      value.textContent = "";
      return true;
    }
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    value.textContent = paused ? "⏸" : String(seconds);
    const left = totalMs ? Math.max(0, Math.min(1, ms / totalMs)) : 0;
    // A custom property through the CSSOM (no style attribute: the CSP refuses those).
    ring.style.setProperty("--left", left.toFixed(3));
    ring.classList.toggle("time-ring--urgent", !paused && seconds <= 5);
    if (seconds !== last && !paused) onSecond?.(seconds);
    last = seconds;
    return !paused && ms > 0;
  });
  return ring;
}

/**
 * « Prêts ? » then 3, 2, 1 over the whole screen; resolves when it is over.
 */
export function readyCountdown(onBeat = () => {}) {
  const number = h("span", { class: "ready__number" });
  const overlay = h("div", { class: "ready", role: "status" }, h("span", { class: "ready__title" }, t("ready")), number);
  document.body.append(overlay);
  const beats = ["3", "2", "1"]; // the numbers stay; only their zoom goes with less motion
  return new Promise((resolve) => {
    let i = 0;
    const beat = () => {
      if (i >= beats.length) {
        overlay.remove();
        resolve();
        return;
      }
      number.textContent = beats[i];
      number.classList.remove("ready__number--beat");
      void number.offsetWidth; // restart the CSS animation
      number.classList.add("ready__number--beat");
      onBeat(beats[i]);
      i += 1;
      window.setTimeout(beat, 800);
    };
    beat();
  });
}

/**
 * A fixed-height area that shows a long list a page at a time, by itself, on a projector
 * (300 nicknames never push « Démarrer » off the screen). Stops while the pointer or the
 * focus is inside, so a teacher can scroll and click « Retirer » in peace.
 */
export function selfScrolling(area, memory = { top: 0 }, everyMs = 4000) {
  let held = false;
  const hold = (value) => () => {
    held = value;
  };
  area.addEventListener("pointerenter", hold(true));
  area.addEventListener("pointerleave", hold(false));
  area.addEventListener("focusin", hold(true));
  area.addEventListener("focusout", hold(false));
  area.addEventListener("scroll", () => {
    memory.top = area.scrollTop;
  });
  // Back where it was before the redraw (a new player must not send the list to the top).
  window.requestAnimationFrame(() => {
    area.scrollTop = memory.top;
  });
  whileShown(
    area,
    () => {
      if (held || area.scrollHeight <= area.clientHeight + 2) return true;
      const end = area.scrollTop + area.clientHeight >= area.scrollHeight - 2;
      area.scrollTo({ top: end ? 0 : area.scrollTop + area.clientHeight * 0.9, behavior: reducedMotion() ? "auto" : "smooth" });
      return true;
    },
    everyMs,
  );
  return area;
}
