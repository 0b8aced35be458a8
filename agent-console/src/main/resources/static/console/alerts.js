// Telling an agent a caller is waiting, wherever they are in the console or in another tab: the tab's title
// counts the callers waiting, and while the agent is available a new caller rings a short chime (made here with
// Web Audio: no sound file) and, with the page in the background, a system notification if the agent allowed it.

import { subscribe, waitingCalls, myAgent } from './live.js';
import { toPersianDigits } from './persian.js';

const SOUND_KEY = 'hotline137.chime';
const COUNT = /^\(\S+\) /;

let audio = null;

/** On, unless this agent turned it off in this browser. */
export function chimeOn() {
  return localStorage.getItem(SOUND_KEY) !== 'off';
}

export function setChime(on) {
  localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  if (on) chime();
}

/** Two short rising tones, quiet enough for an office. */
function chime() {
  try {
    audio ??= new AudioContext();
    // Made before the agent's first click, it starts suspended; their first click wakes it (below).
    if (audio.state === 'suspended') audio.resume();
    const start = audio.currentTime + 0.02;
    [660, 880].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, start + i * 0.18);
      volume.gain.exponentialRampToValueAtTime(0.15, start + i * 0.18 + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.18 + 0.16);
      tone.connect(volume).connect(audio.destination);
      tone.start(start + i * 0.18);
      tone.stop(start + i * 0.18 + 0.17);
    });
  } catch {
    // no audio device, or the browser forbids sound before the first click: the title still counts
  }
}

function showCount() {
  const waiting = waitingCalls().filter((call) => !call.assignedTo).length;
  const title = document.title.replace(COUNT, '');
  const wanted = waiting ? `(${toPersianDigits(waiting)}) ${title}` : title;
  // Only a real change: the observer below hears every assignment, and would otherwise hear its own.
  if (document.title !== wanted) document.title = wanted;
}

function tell(call) {
  if (myAgent()?.presence !== 'AVAILABLE') return;
  if (chimeOn()) chime();
  if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
    const from = call?.callerNumber ? toPersianDigits(call.callerNumber) : 'شمارهٔ پنهان';
    new Notification('تماس‌گیرنده در انتظار', { body: from, tag: 'hotline137-waiting', lang: 'fa', dir: 'rtl' });
  }
}

/** Starts once the live board is connected; asks for notifications on the agent's first click, as browsers want. */
export function startAlerts() {
  subscribe((change) => {
    if (change.type === 'calls' || change.type === 'returned' || change.type === 'assigned'
      || change.type === 'snapshot' || change.type === 'ended') showCount();
    if ((change.type === 'calls' || change.type === 'returned') && change.isNew) {
      tell(waitingCalls().find((call) => call.id === change.id));
    }
  });
  new MutationObserver(() => {
    if (!COUNT.test(document.title)) showCount();
  }).observe(document.querySelector('title'), { childList: true });
  document.addEventListener('click', () => {
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
    try {
      audio ??= new AudioContext();
      if (audio.state === 'suspended') audio.resume();
    } catch {
      // no audio here: the title still counts
    }
  }, { once: true });
}
