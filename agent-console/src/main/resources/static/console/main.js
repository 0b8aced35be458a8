// The console's start: who is signed in, the top bar, the live board socket and the hash routes.

import { el, clear, append, message, setHashHref, latin } from './dom.js';
import { get, post, setCsrf, onCsrfChange, startKeepAlive, loadDirectory, errorText, isAbort } from './api.js';
import { session, acceptedCalls, isSupervisor, myUsername } from './state.js';
import { notify, clearNotice } from './ui.js';
import { connect, subscribe, board, myAgent, upsertAgent } from './live.js';
import { renderBoard } from './board.js';
import { renderCall } from './card.js';
import { renderSearch, renderRequest } from './requests.js';
import { renderFigures } from './figures.js';
import { renderPeople } from './people.js';
import { renderApps } from './apps.js';
import { renderWallboard } from './wallboard.js';
import { renderShift } from './shift.js';
import { renderUnitDesk, renderLate, renderUnitFigures } from './units.js';
import { renderCallbacks } from './callbacks.js';
import { renderMeetings, renderMeetingsFollowUp, renderMeeting, renderMeetingLists, renderMeetingVenue, renderMeetingReport } from './meetings.js';
import { startAlerts, chimeOn, setChime } from './alerts.js';
import { renderModerator, renderMayor, renderSessions, renderReport, hasRole } from './mayor.js';
import { AWAY_REASONS, awayReasonLabel, presenceLabel, presenceText, useTimeZone } from './persian.js';

const APP_TITLE = 'میز اپراتور ۱۳۷';
const main = document.getElementById('main');

/* ---------- top bar ---------- */

/**
 * Whether this person answers the agents' queue: an agent or a supervisor with a phone (as the server's live board
 * decides). The mayor's and a moderator's phones ring for the programme only, so they get no presence switch.
 */
/** A unit sees only the requests referred to it: no board, no queue, no live socket. */
function isUnit() {
  return hasRole('UNIT');
}

function takesCalls() {
  return Boolean(session.me.dialString) && (hasRole('AGENT') || hasRole('SUPERVISOR'));
}

function buildNav() {
  const nav = document.getElementById('nav');
  if (!nav) return;
  if (isUnit()) {
    // A unit's console is its desk and the requests on it; the 137 centre's screens are not theirs.
    clear(nav).append(el('ul', { class: 'nav-list' },
      el('li', {}, el('a', { href: '#/unit', id: 'nav-unit', class: 'nav-link', dataset: { route: 'unit' } }, 'میز واحد'))));
    return;
  }
  const links = [
    ['board', '#/board', 'تابلوی تماس‌ها'],
    ['requests', '#/requests', 'درخواست‌ها'],
  ];
  if (takesCalls()) links.push(['shift', '#/shift', 'شیفت من']);
  // Without a phone of their own set here an agent still calls back from any phone and records how it went.
  if (hasRole('AGENT') || hasRole('SUPERVISOR')) links.push(['callbacks', '#/callbacks', 'تماس دوباره']);
  if (isSupervisor()) {
    links.push(['wallboard', '#/wallboard', 'تابلوی سرپرست'], ['late', '#/late', 'پیگیری مهلت‌ها'],
      ['figures', '#/figures', 'آمار'], ['people', '#/people', 'کارکنان'], ['apps', '#/apps', 'برنامه‌های متصل']);
  }
  if (hasRole('MODERATOR') || hasRole('SUPERVISOR')) links.push(['moderator', '#/moderator', 'گفتگو با شهردار']);
  if (hasRole('MAYOR')) links.push(['mayor', '#/mayor', 'میز شهردار']);
  if (hasRole('MODERATOR') || hasRole('SUPERVISOR') || hasRole('MAYOR')) links.push(['sessions', '#/mayor/sessions', 'گزارش برنامه‌ها']);
  links.push(['meetings', '#/meetings', 'دیدارهای مردمی']);
  // «تماس جاری»: back to the card of the call this agent is on (shown while the board says so).
  const currentCall = el('li', { id: 'nav-current-call-item', hidden: true },
    el('a', { id: 'nav-current-call', class: 'nav-link nav-current-call', dataset: { route: 'call' } }, 'تماس جاری'));
  clear(nav).append(el('ul', { class: 'nav-list' },
    links.map(([key, href, text]) => el('li', {}, el('a', { href, id: `nav-${key}`, class: 'nav-link', dataset: { route: key } }, text))),
    currentCall));
}

function markNav(routeKey) {
  const path = parseHash().path;
  for (const link of document.querySelectorAll('#nav a.nav-link')) {
    const active = link.dataset.route === 'call'
      ? routeKey === 'call' && link.getAttribute('href') === `#${path}`
      : link.dataset.route === routeKey;
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function callHash(id) {
  return `#/call/${encodeURIComponent(id)}`;
}

function renderCurrentCall() {
  const item = document.getElementById('nav-current-call-item');
  const link = document.getElementById('nav-current-call');
  if (!item || !link) return;
  const agent = myAgent();
  const id = agent && agent.currentCall ? String(agent.currentCall) : null;
  link.removeAttribute('href');
  if (id) setHashHref(link, callHash(id)); // kept only if it is a safe hash route
  const shown = Boolean(id && link.getAttribute('href'));
  item.hidden = !shown;
  markNav(main.dataset.route);
}

function buildUser() {
  const box = document.getElementById('user-box');
  if (!box) return;
  const me = session.me;
  const logout = el('form', { method: 'post', action: '/logout', id: 'logout-form', class: 'logout-form' });
  if (me.csrf && me.csrf.parameterName && me.csrf.token) {
    logout.append(el('input', { type: 'hidden', name: me.csrf.parameterName, value: me.csrf.token, id: 'logout-csrf' }));
  }
  logout.append(el('button', { type: 'submit', class: 'button button-quiet', id: 'logout' }, 'خروج'));

  const toggle = el('button', {
    type: 'button', id: 'presence-toggle', class: 'switch', role: 'switch', 'aria-checked': 'false',
    'aria-label': 'آماده برای پاسخ', title: 'آماده / غایب',
  }, el('span', { class: 'switch-track', 'aria-hidden': 'true' }, el('span', { class: 'switch-thumb' })),
  el('span', { class: 'switch-text', id: 'presence-text' }, '—'));
  // Going away asks why (a supervisor tells a prayer break from a missing agent); coming back is one click.
  const reasons = el('div', { class: 'away-menu', id: 'away-menu', role: 'menu', 'aria-label': 'دلیل غیبت', hidden: true },
    AWAY_REASONS.map((reason) => el('button', {
      type: 'button', role: 'menuitem', class: 'away-reason', dataset: { reason },
    }, awayReasonLabel(reason))));
  reasons.addEventListener('click', (event) => {
    const chosen = event.target.closest('button[data-reason]');
    if (!chosen) return;
    reasons.hidden = true;
    changePresence(toggle, { presence: 'AWAY', reason: chosen.dataset.reason });
  });
  reasons.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    reasons.hidden = true;
    toggle.focus();
  });
  toggle.addEventListener('click', () => {
    if (myAgent()?.presence === 'AVAILABLE') {
      reasons.hidden = !reasons.hidden;
      toggle.setAttribute('aria-expanded', String(!reasons.hidden));
      if (!reasons.hidden) reasons.querySelector('button')?.focus();
      return;
    }
    changePresence(toggle, { presence: 'AVAILABLE' });
  });
  const busy = el('span', { class: 'badge presence-badge presence-BUSY', id: 'presence-busy', hidden: true }, presenceLabel('BUSY'));
  const presence = el('div', { class: 'presence', id: 'presence', dataset: { presence: 'UNKNOWN' }, hidden: !takesCalls() },
    toggle, busy, reasons);

  const name = el('span', { class: 'user-name', id: 'user-name' }, me.displayName || me.username);
  const phone = me.dialString ? el('small', { class: 'muted user-phone' }, latin(me.dialString)) : null;
  // Only someone who takes calls is rung for them.
  const chime = takesCalls() ? el('button', {
    type: 'button', id: 'chime-toggle', class: 'button button-quiet', 'aria-pressed': String(chimeOn()),
    title: 'زنگ کوتاه برای هر تماس‌گیرندهٔ تازه، وقتی آماده‌اید',
  }, chimeOn() ? 'زنگ: روشن' : 'زنگ: خاموش') : null;
  chime?.addEventListener('click', () => {
    setChime(!chimeOn());
    chime.setAttribute('aria-pressed', String(chimeOn()));
    chime.textContent = chimeOn() ? 'زنگ: روشن' : 'زنگ: خاموش';
  });
  append(clear(box), [el('div', { class: 'user-id' }, name, phone), presence, chime, logout]);
}

function renderPresence() {
  const wrapper = document.getElementById('presence');
  const toggle = document.getElementById('presence-toggle');
  const busy = document.getElementById('presence-busy');
  const text = document.getElementById('presence-text');
  if (!wrapper || !toggle) return;
  const agent = myAgent();
  if (agent) wrapper.hidden = false;
  const presence = agent ? agent.presence : 'UNKNOWN';
  wrapper.dataset.presence = presence;
  const isBusy = presence === 'BUSY';
  toggle.hidden = isBusy;
  busy.hidden = !isBusy;
  const available = presence === 'AVAILABLE';
  toggle.setAttribute('aria-checked', String(available));
  toggle.classList.toggle('is-on', available);
  text.textContent = agent ? presenceText(agent) : 'نامعلوم';
  if (isBusy) document.getElementById('away-menu').hidden = true;
}

async function changePresence(toggle, wanted) {
  toggle.disabled = true;
  try {
    const agent = await post('/api/agents/me/presence', wanted);
    if (agent && agent.username) upsertAgent(agent);
  } catch (failure) {
    if (!isAbort(failure)) notify(errorText('تغییر وضعیت ممکن نشد', failure), 'error');
  } finally {
    toggle.disabled = false;
    renderPresence();
  }
}

function renderLiveStatus() {
  const status = document.getElementById('live-status');
  if (!status) return;
  const open = board.connection === 'open';
  status.dataset.state = open ? 'open' : 'closed';
  if (open) status.textContent = 'زنده';
  else if (board.connection === 'connecting') status.textContent = 'در حال اتصال…';
  else status.textContent = 'اتصال قطع شد — تلاش دوباره…';
}

/* ---------- routes ---------- */

let current = { cleanup: null, controller: null };
let firstRoute = true;

function parseHash() {
  const raw = window.location.hash.startsWith('#') ? window.location.hash.slice(1) : '';
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  return { path, query };
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function notFound() {
  clear(main).append(el('h1', { id: 'page-title', tabindex: '-1' }, 'این صفحه پیدا نشد'),
    message('نشانی درست نیست.', 'info', el('p', {}, el('a', { href: '#/board', class: 'button' }, 'بازگشت به تابلوی تماس‌ها'))));
  return null;
}

function resolve(path, query, context) {
  let match;
  if (path === '/board') return { key: 'board', title: 'تابلوی تماس‌ها', run: () => renderBoard(main, context) };
  if ((match = /^\/call\/([^/]+)$/.exec(path))) {
    const id = decodeSegment(match[1]);
    if (id) return { key: 'call', title: 'کارت تماس', run: () => renderCall(main, id, context) };
  }
  if (path === '/requests') return { key: 'requests', title: 'درخواست‌ها', run: () => renderSearch(main, query, context) };
  if ((match = /^\/request\/([^/]+)$/.exec(path))) {
    const code = decodeSegment(match[1]);
    if (code) return { key: 'requests', title: 'درخواست', run: () => renderRequest(main, code, context) };
  }
  if (path === '/unit') return { key: 'unit', title: 'میز واحد', run: () => renderUnitDesk(main, query, context) };
  if (path === '/late') return { key: 'late', title: 'پیگیری مهلت‌ها', run: () => renderLate(main, context) };
  if (path === '/units/figures') return { key: 'late', title: 'کارنامهٔ واحدها', run: () => renderUnitFigures(main, query, context) };
  if (path === '/meetings') return { key: 'meetings', title: 'دیدارهای مردمی', run: () => renderMeetings(main, context) };
  if (path === '/meetings/follow-up') return { key: 'meetings', title: 'پیگیری دستورهای دیدارها', run: () => renderMeetingsFollowUp(main, context) };
  if ((match = /^\/meeting\/(\d+)$/.exec(path))) {
    const id = match[1];
    return { key: 'meetings', title: 'دیدار', run: () => renderMeeting(main, id, context) };
  }
  if ((match = /^\/meeting\/(\d+)\/lists$/.exec(path))) {
    const id = match[1];
    return { key: 'meetings', title: 'فهرست هر مسئول', run: () => renderMeetingLists(main, id, context) };
  }
  if ((match = /^\/meeting\/(\d+)\/venue$/.exec(path))) {
    const id = match[1];
    return { key: 'meetings', title: 'ثبت‌نام در محل', run: () => renderMeetingVenue(main, id, context) };
  }
  if ((match = /^\/meeting\/(\d+)\/report$/.exec(path))) {
    const id = match[1];
    return { key: 'meetings', title: 'گزارش پیگیری دیدار', run: () => renderMeetingReport(main, id, context) };
  }
  if (path === '/callbacks') return { key: 'callbacks', title: 'تماس دوباره با شهروندان', run: () => renderCallbacks(main, context) };
  if (path === '/shift') return { key: 'shift', title: 'شیفت من', run: () => renderShift(main, context) };
  if (path === '/wallboard') return { key: 'wallboard', title: 'تابلوی سرپرست', run: () => renderWallboard(main, context) };
  if (path === '/people') return { key: 'people', title: 'کارکنان', run: () => renderPeople(main, context) };
  if (path === '/apps') return { key: 'apps', title: 'برنامه‌های متصل', run: () => renderApps(main, context) };
  if (path === '/figures') return { key: 'figures', title: 'آمار', run: () => renderFigures(main, query, context) };
  if (path === '/moderator') return { key: 'moderator', title: 'گفتگو با شهردار', run: () => renderModerator(main, context) };
  if (path === '/mayor') return { key: 'mayor', title: 'میز شهردار', run: () => renderMayor(main, context) };
  if (path === '/mayor/sessions') return { key: 'sessions', title: 'برنامه‌های گفتگو با شهردار', run: () => renderSessions(main, context) };
  if ((match = /^\/mayor\/report\/([^/]+)$/.exec(path))) {
    const id = decodeSegment(match[1]);
    if (id) return { key: 'sessions', title: 'گزارش برنامه', run: () => renderReport(main, id, context) };
  }
  return { key: null, title: 'پیدا نشد', run: notFound };
}

/** Where a person starts: the mayor at their own screen, a moderator at the screening, everyone else the board. */
function homeHash() {
  if (isUnit()) return '#/unit';
  const answersQueue = hasRole('AGENT') || hasRole('SUPERVISOR');
  if (!answersQueue && hasRole('MAYOR')) return '#/mayor';
  if (!answersQueue && hasRole('MODERATOR')) return '#/moderator';
  return '#/board';
}

function route() {
  const { path, query } = parseHash();
  if (!path || path === '/') {
    window.history.replaceState(null, '', homeHash());
    route();
    return;
  }
  if (!path.startsWith('/')) {
    // An in-page anchor, not a route: stay where we are (or start at the board).
    if (firstRoute) {
      window.history.replaceState(null, '', homeHash());
      route();
    }
    return;
  }

  if (current.controller) current.controller.abort();
  if (typeof current.cleanup === 'function') {
    try {
      current.cleanup();
    } catch (failure) {
      console.error('cleanup failed', failure);
    }
  }
  clearNotice();
  const controller = new AbortController();
  const target = resolve(path, query, { signal: controller.signal });
  document.title = `${target.title} — ${APP_TITLE}`;
  markNav(target.key);
  let cleanup = null;
  try {
    cleanup = target.run();
  } catch (failure) {
    console.error('page failed', failure);
    clear(main).append(message('نمایش این صفحه ممکن نشد. صفحه را دوباره بارگذاری کنید.', 'error'));
  }
  current = { cleanup, controller };
  main.dataset.route = target.key ?? 'none';
  if (!firstRoute) main.focus({ preventScroll: false });
  firstRoute = false;
  window.scrollTo(0, 0);
}

/* ---------- start ---------- */

function watchBoard() {
  subscribe((change) => {
    if (change.type === 'connection') renderLiveStatus();
    if (change.type === 'agents' || change.type === 'snapshot') {
      renderPresence();
      renderCurrentCall();
    }
    const here = Boolean(change.id) && `#${parseHash().path}` === callHash(change.id);
    if (change.type === 'assigned' && change.agent === myUsername() && change.id && !acceptedCalls.has(change.id)) {
      // The switchboard gave us a call we did not click: offer its card (it reads the call if not on the board).
      const call = change.call;
      if (!here) {
        notify('تماسی به شما وصل شد.', 'info', {
          label: 'باز کردن کارت تماس',
          onClick: () => {
            if (call) acceptedCalls.set(call.id, { ...call, assignedTo: myUsername(), acceptedAt: Date.now() });
            window.location.hash = callHash(change.id);
          },
        });
      }
    }
    if (change.type === 'returned' && change.agent === myUsername() && change.id) {
      // Our phone did not answer: the call is back in the queue and no longer ours (its card says so itself).
      acceptedCalls.delete(change.id);
      if (!here) notify('تلفن شما پاسخ نداد؛ تماس به صف برگشت و وضعیت شما «غایب» شد', 'error');
    }
  });
}

async function start() {
  const skip = document.querySelector('.skip-link');
  if (skip) {
    skip.addEventListener('click', (event) => {
      event.preventDefault();
      main.focus();
    });
  }
  let me;
  try {
    me = await get('/api/me');
  } catch (failure) {
    if (failure && failure.status === 401) return;
    clear(main).append(message(errorText('ورود شما خوانده نشد', failure), 'error',
      el('p', {}, el('a', { href: '/login', class: 'button' }, 'رفتن به صفحهٔ ورود'))));
    return;
  }
  session.me = me;
  try {
    useTimeZone(me.timeZone);
  } catch (unknownZone) {
    // A zone this browser does not know: the city's dates would be wrong, so say so rather than show them.
    clear(main).append(message(`منطقهٔ زمانی شهر (${me.timeZone}) را این مرورگر نمی‌شناسد؛ به پشتیبانی خبر دهید`,
      'error'));
    return;
  }
  setCsrf(me.csrf);
  onCsrfChange((csrf) => {
    // Later posts use the fresh token through api.js; the logout form posts by itself.
    if (session.me) session.me.csrf = csrf;
    const input = document.getElementById('logout-csrf');
    if (input && (!csrf.parameterName || input.name === csrf.parameterName)) input.value = csrf.token;
  });
  startKeepAlive();
  buildNav();
  buildUser();
  if (isUnit()) {
    document.getElementById('live-status')?.setAttribute('hidden', '');
  } else {
    renderLiveStatus();
    watchBoard();
  }

  try {
    session.directory = { districts: [], categories: [], statuses: [], ...(await loadDirectory()) };
  } catch (failure) {
    notify(errorText('فهرست منطقه‌ها و موضوع‌ها خوانده نشد', failure), 'error');
  }

  if (isUnit()) {
    window.addEventListener('hashchange', route);
    route();
    return;
  }
  connect();
  startAlerts();
  // Presence before the socket's snapshot arrives (and if the socket cannot open).
  get('/api/agents').then((agents) => {
    if (board.synced || !Array.isArray(agents)) return;
    for (const agent of agents) if (agent && agent.username && !board.agents.has(agent.username)) upsertAgent(agent);
    renderPresence();
  }).catch(() => {});

  window.addEventListener('hashchange', route);
  route();
}

start();
