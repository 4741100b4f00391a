// The players of a class screen: one player with « Retirer » (a confirm step, a kick cannot be
// undone), and the players panel shown during the game. The panel is a <details> outside the
// redrawn screen, so it stays open or closed as the teacher left it. Used by the quiz and
// parcours screen (host.js) and the escape game screen (escape_host.js); `commandButton` is
// the screen's own (label, message, options) -> button that sends a host command.

import { h, replaceContent, t } from "./render.js";

/** `player`: {player_id, nickname, online, detail?}; `detail` is shown after the name. */
export function playerItem(player, commandButton, buttonId = null) {
  return h(
    "li",
    { class: `host-player${player.online ? "" : " host-player--offline"}${player.done ? " host-player--done" : ""}` },
    h("span", { class: "host-player__name" }, player.nickname),
    player.detail ? h("span", { class: "host-player__detail" }, ` · ${player.detail}`) : null,
    player.online ? null : h("span", { class: "host-player__status" }, ` (${t("offline")})`),
    commandButton(t("kick"), { type: "kick", player_id: player.player_id }, {
      confirmText: t("kick_confirm", { nickname: player.nickname }),
      name: t("kick_label", { nickname: player.nickname }),
      id: buttonId,
    }),
  );
}

export function playersPanel(commandButton) {
  const panel = document.getElementById("joueurs");
  const summary = document.getElementById("joueurs-resume");
  const list = document.getElementById("joueurs-liste");
  let pressed = null; // a button loses the focus while disabled (its command on the way)
  list?.addEventListener("click", (event) => {
    pressed = event.target.closest("button")?.id ?? pressed;
  });

  /** Show `players` when `shown`, else hide the panel. */
  function draw(players, shown) {
    if (!panel) return;
    panel.hidden = !shown;
    if (!shown) return;
    const offline = players.filter((player) => !player.online).length;
    summary.textContent = offline
      ? t("roster_summary_offline", { total: players.length, count: offline })
      : t("roster_summary", { count: players.length });
    const focused = list.contains(document.activeElement) ? document.activeElement.id : pressed;
    pressed = null;
    replaceContent(
      list,
      players.length
        ? h(
            "ul",
            { class: "host-players__list host-roster__list" },
            players.map((player) => playerItem(player, commandButton, `retirer-${player.player_id}`)),
          )
        : h("p", { class: "host-waiting" }, t("no_player_left")),
    );
    // Redrawn buttons are new elements: the focus goes back to the same one, or to the panel
    // when its player was removed.
    if (focused) (document.getElementById(focused) ?? summary).focus();
  }

  return { draw };
}
