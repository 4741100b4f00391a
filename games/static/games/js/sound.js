// Sounds of the class screen, made in the browser with Web Audio: no sound file to download,
// nothing from a third party. A tick for the last seconds, a chime at the reveal, a fanfare at
// the podium and a soft music loop while a question runs. Muted with one button; the choice is
// remembered on this computer (localStorage), which is the teacher's.

const STORAGE_KEY = "mej.son";
const NOTE = (semitones) => 440 * 2 ** (semitones / 12);
// A C-major arpeggio that loops without tiring (A4 = 0): C5 E5 G5 E5 / A4 C5 E5 C5…
const LOOP = [3, 7, 10, 7, 0, 3, 7, 3, 5, 8, 12, 8, 7, 10, 14, 10];
const LOOP_STEP_S = 0.3;

let context = null;
let master = null;
let loopTimer = null;
let muted = readMuted();

function readMuted() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "off";
  } catch {
    return false; // storage refused (private mode): sound on, not remembered
  }
}

function audio() {
  if (!context) {
    const AudioContext = window.AudioContext ?? window.webkitAudioContext;
    if (!AudioContext) return null;
    context = new AudioContext();
    master = context.createGain();
    master.gain.value = muted ? 0 : 0.5;
    master.connect(context.destination);
  }
  // Browsers start audio suspended until a click: the teacher's first click resumes it.
  if (context.state === "suspended") context.resume().catch(() => {});
  return context;
}

/** One note: `frequency` Hz from `at` (context time) for `length` s, with a soft envelope. */
function tone(frequency, at, length, { type = "sine", volume = 0.3 } = {}) {
  const ctx = audio();
  if (!ctx || muted) return;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(volume, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  osc.connect(gain).connect(master);
  osc.start(at);
  osc.stop(at + length + 0.05);
}

function play(notes, { type = "triangle", step = 0.12, length = 0.25, volume = 0.3 } = {}) {
  const ctx = audio();
  if (!ctx || muted) return;
  notes.forEach((semitones, i) => tone(NOTE(semitones), ctx.currentTime + i * step, length, { type, volume }));
}

export const sounds = {
  tick: () => play([15], { type: "square", length: 0.06, volume: 0.08 }),
  go: () => play([3, 10], { step: 0.1, length: 0.3 }),
  reveal: () => play([3, 7, 10, 15], { step: 0.09, length: 0.4 }),
  right: () => play([7, 15], { step: 0.08 }),
  wrong: () => play([3, -2], { type: "sawtooth", step: 0.15, volume: 0.12 }),
  podium: () => play([3, 7, 10, 15, 10, 15, 19], { step: 0.16, length: 0.5 }),
};

/** The quiet loop under a question; stops by itself when `keepGoing()` turns false. */
export function startMusic(keepGoing) {
  stopMusic();
  const ctx = audio();
  if (!ctx) return;
  let step = 0;
  let next = ctx.currentTime + 0.05;
  // Notes are scheduled a little ahead on the audio clock: a busy page does not make it limp.
  loopTimer = window.setInterval(() => {
    if (!keepGoing()) {
      stopMusic();
      return;
    }
    while (next < ctx.currentTime + 0.5) {
      if (!muted) tone(NOTE(LOOP[step % LOOP.length] - 12), next, LOOP_STEP_S * 0.9, { type: "triangle", volume: 0.06 });
      next += LOOP_STEP_S;
      step += 1;
    }
  }, 150);
}

export function stopMusic() {
  if (loopTimer) window.clearInterval(loopTimer);
  loopTimer = null;
}

export function isMuted() {
  return muted;
}

export function setMuted(value) {
  muted = value;
  try {
    window.localStorage.setItem(STORAGE_KEY, value ? "off" : "on");
  } catch {
    // not remembered, still applied
  }
  if (master) master.gain.value = value ? 0 : 0.5;
}

/** Wire the page's mute button (aria-pressed = sound off). */
export function muteButton(button, labels) {
  if (!button) return;
  const show = () => {
    button.setAttribute("aria-pressed", String(muted));
    button.textContent = muted ? labels.off : labels.on;
  };
  show();
  button.hidden = false;
  button.addEventListener("click", () => {
    setMuted(!muted);
    audio();
    show();
  });
}
