// How every live screen starts and stays in step with the server: the four screens (quiz host,
// quiz phone, escape host, escape phone) differ only in their view, their events and draw().
//
// - the first snapshot is in the page (the screen paints before the socket connects, and an
//   ended game still shows its end);
// - each snapshot replaces the view (`adopt`), each event goes to its handler in `events`
//   (a handler returning false means "nothing to redraw");
// - the connection banner while the socket is away, and the final word when the server closed
//   for good (with « Rejoindre une partie » on phones) or the teacher removed this player;
// - redraws keep the focus where it was (a pause while a student sorts a list).

import { connectionBanner, h, readInitialFrame, replaceContent, t } from "./render.js";
import { GameSocket } from "./socket.js";

// Close codes after which a phone may join again with a new nickname (docs/protocol.md).
const REJOIN_CODES = new Set([4401, 4410]);

/**
 * @param {object} options
 * @param {(data: object) => void} options.adopt  a snapshot's data becomes the screen's view
 * @param {object} options.events  frame type -> handler(data); false: no redraw
 * @param {() => void} options.draw  redraw the whole screen from the view
 */
export function gameScreen({ adopt, events, draw }) {
  const root = document.getElementById("jeu");
  const screen = document.getElementById("ecran");
  const banner = connectionBanner(document.getElementById("connexion"));
  const announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
  root.append(announcer);
  const first = readInitialFrame();
  adopt(first.data);

  const rejoinLink = () => (root.dataset.joinUrl ? h("a", { href: root.dataset.joinUrl }, t("rejoin")) : null);

  function kicked() {
    // Removed by the teacher: stop reconnecting, and say so (the server also closes with 4410).
    socket.stop();
    banner.final(t("kicked"), rejoinLink());
  }

  const socket = new GameSocket(root.dataset.socket, {
    onSnapshot(frame) {
      adopt(frame.data);
      draw();
    },
    onEvent(frame) {
      if (frame.type === "player_kicked") {
        kicked();
        return;
      }
      const handler = events[frame.type];
      if (handler && handler(frame.data) !== false) draw();
    },
    onStatus(status) {
      if (status === "open") banner.open();
      else banner.lost();
    },
    onFinal(code) {
      banner.final(t(`closed_${code}`), REJOIN_CODES.has(code) ? rejoinLink() : null);
    },
  });

  return {
    root,
    screen,
    socket,
    /** Say `text` to screen readers without moving the focus. */
    announce(text) {
      announcer.textContent = text;
    },
    /** Replace the screen's content, keeping the focus on the same control when it is still there. */
    paint(...children) {
      const focusedId = document.activeElement?.id;
      replaceContent(screen, children);
      if (!focusedId) return;
      const again = document.getElementById(focusedId);
      if (again && !again.disabled) again.focus();
    },
    /** Paint the first snapshot, then connect (an ended game's socket would be refused). */
    start() {
      draw();
      if (!first.ended) socket.connect();
    },
  };
}

/**
 * The teacher's commands: one at a time (no double clicks), the button disabled while its
 * command is on its way, and the server's refusal said in an alert line of the screen.
 */
export function hostCommands({ root, socket }) {
  const alertLine = h("p", { class: "host-alert", role: "alert" });
  root.append(alertLine);
  let busy = false;

  async function send(message, control = null) {
    if (busy) return false;
    busy = true;
    if (control) control.disabled = true;
    alertLine.textContent = "";
    try {
      await socket.command(message);
      return true;
    } catch (error) {
      alertLine.textContent = t("error_prefix", { message: error.message ?? t("reconnecting") });
      return false;
    } finally {
      busy = false;
      if (control?.isConnected) control.disabled = false;
    }
  }

  /** `before`: an async step between the click and the command (the « Prêts ? » countdown). */
  function commandButton(label, message, { primary = false, confirmText = null, id = null, name = null, className = "", before = null } = {}) {
    const button = h(
      "button",
      { type: "button", id, "aria-label": name, class: `host-button${primary ? " host-button--primary" : ""}${className ? ` ${className}` : ""}` },
      label,
    );
    button.addEventListener("click", async () => {
      // A native confirm: keyboard and screen-reader friendly, and a kick cannot be undone.
      if (busy || (confirmText && !window.confirm(confirmText))) return;
      if (before) {
        busy = true;
        button.disabled = true;
        await before();
        busy = false;
      }
      send(message, button);
    });
    return button;
  }

  return { send, commandButton };
}
