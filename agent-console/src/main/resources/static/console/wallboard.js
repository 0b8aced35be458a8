// #/wallboard — the supervisor's wall: who waits now and for how long, the agents by state, and today at the
// queue (answered, abandoned, unanswered, service level). Asked again every few seconds while it is open.

import { el, clear, heading, message, latin } from './dom.js';
import { get, errorText, isAbort } from './api.js';
import { isSupervisor } from './state.js';
import { formatNumber, formatPercent, formatWait, presenceText } from './persian.js';

const EVERY_MS = 5_000;

function bigNumber(id, label, text, kind) {
  return el('div', { class: `big-number ${kind ?? ''}`, id },
    el('span', { class: 'big-number-value' }, text),
    el('span', { class: 'big-number-label' }, label));
}

function wall(now) {
  const today = now.today ?? {};
  const agents = now.agents ?? {};
  const level = Number(today.serviceLevel ?? 1);
  return [
    el('section', { 'aria-labelledby': 'wall-now-title' },
      el('h2', { id: 'wall-now-title' }, 'همین حالا'),
      el('div', { class: 'big-numbers' },
        bigNumber('wall-waiting', 'در انتظار اپراتور', formatNumber(now.waiting), now.waiting > 0 ? 'is-overdue' : ''),
        bigNumber('wall-longest', 'طولانی‌ترین انتظار', formatWait(now.longestWaitSeconds ?? 0),
          (now.longestWaitSeconds ?? 0) > 30 ? 'is-overdue' : ''),
        bigNumber('wall-available', 'اپراتور آماده', formatNumber(agents.AVAILABLE ?? 0)),
        bigNumber('wall-busy', 'در تماس', formatNumber(agents.BUSY ?? 0)),
        bigNumber('wall-away', 'غایب', formatNumber(agents.AWAY ?? 0)))),
    el('section', { 'aria-labelledby': 'wall-today-title' },
      el('h2', { id: 'wall-today-title' }, 'امروز در صف اپراتورها'),
      el('div', { class: 'big-numbers' },
        bigNumber('wall-service-level', 'پاسخ در ۳۰ ثانیه (سطح خدمت)', formatPercent(level), level < 0.8 ? 'is-overdue' : ''),
        bigNumber('wall-answered', 'پاسخ داده شد', formatNumber(today.answered ?? 0)),
        bigNumber('wall-abandoned', 'تماس‌گیرنده قطع کرد', formatNumber(today.abandoned ?? 0)),
        bigNumber('wall-unanswered', 'بی‌پاسخ ماند', formatNumber(today.unanswered ?? 0)),
        bigNumber('wall-average-wait', 'میانگین انتظار پاسخ‌داده‌ها', formatWait(today.averageWaitSeconds ?? 0)))),
    el('section', { 'aria-labelledby': 'wall-agents-title' },
      el('h2', { id: 'wall-agents-title' }, 'اپراتورها'),
      (now.people ?? []).length
        ? el('table', { class: 'data-table', id: 'wall-agents' },
          el('thead', {}, el('tr', {}, ['نام', 'وضعیت'].map((c) => el('th', { scope: 'col' }, c)))),
          el('tbody', {}, now.people.map((p) => el('tr', { dataset: { presence: p.presence } },
            el('td', {}, latin(p.username)), el('td', {}, presenceText(p))))))
        : el('p', { class: 'muted' }, 'اپراتوری وارد نشده است.')),
  ];
}

export function renderWallboard(container, { signal }) {
  if (!isSupervisor()) {
    clear(container).append(heading(1, 'تابلوی سرپرست', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return undefined;
  }
  const body = el('div', { id: 'wallboard', 'aria-busy': 'true' });
  const stamp = el('p', { class: 'muted', id: 'wall-updated', 'aria-live': 'off' });
  clear(container).append(heading(1, 'تابلوی سرپرست', { id: 'page-title' }), stamp, body);
  const refresh = async () => {
    try {
      const now = await get('/api/wallboard', { signal });
      if (signal.aborted) return;
      body.removeAttribute('aria-busy');
      clear(body).append(...wall(now));
      stamp.textContent = `هر ${formatNumber(EVERY_MS / 1000)} ثانیه تازه می‌شود.`;
    } catch (error) {
      if (!isAbort(error)) clear(body).append(message(errorText('تابلو خوانده نشد', error), 'error'));
    }
  };
  refresh();
  const timer = setInterval(refresh, EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return undefined;
}
