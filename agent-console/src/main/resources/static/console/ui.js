// The page-wide notice (under the top bar) and the polite live region.

import { el, clear } from './dom.js';

/**
 * Show a notice. kind: 'info' | 'success' | 'error'. action: optional {label, onClick}.
 * Notices stay until dismissed or until the route changes (no flashing, no timers).
 */
export function notify(text, kind = 'info', action) {
  const area = document.getElementById('notice');
  if (!area) return;
  clear(area);
  const box = el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: { kind } },
    el('p', { class: 'notice-text' }, text));
  if (action) {
    box.append(el('button', {
      type: 'button', class: 'button button-primary',
      on: { click: () => { clearNotice(); action.onClick(); } },
    }, action.label));
  }
  box.append(el('button', {
    type: 'button', class: 'button button-quiet notice-close', 'aria-label': 'بستن پیام',
    on: { click: clearNotice },
  }, 'بستن'));
  area.append(box);
  area.hidden = false;
}

export function clearNotice() {
  const area = document.getElementById('notice');
  if (!area) return;
  clear(area);
  area.hidden = true;
}

/** Read out a short sentence for screen readers (aria-live=polite). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Replacing the text node makes screen readers read it even when the text repeats.
  region.textContent = '';
  window.setTimeout(() => { region.textContent = text; }, 50);
}
