// The live board: one WebSocket to /ws/board for as long as the page is open (it keeps the agent signed in
// to the switchboard), the waiting calls and agents it tells us about, and who is listening.

import { get, goToLogin } from './api.js';
import { myUsername, districtName } from './state.js';
import { announce } from './ui.js';
import { toPersianDigits } from './persian.js';

const RECONNECT_MS = 2000;

export const board = {
  /** id → BoardCall */
  calls: new Map(),
  /** username → BoardAgent */
  agents: new Map(),
  /** server clock − browser clock, in ms (from the snapshot's "now") */
  clockOffset: 0,
  /** 'connecting' | 'open' | 'closed' */
  connection: 'connecting',
  /** true once a snapshot arrived on the current socket */
  synced: false,
};

const listeners = new Set();
let socket = null;
let reconnectTimer = null;
let stopped = false;

/** listener(change) where change = {type, ...}; returns an unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(change) {
  for (const listener of [...listeners]) {
    try {
      listener(change);
    } catch (error) {
      console.error('board listener failed', error);
    }
  }
}

/** Server "now" as the browser sees it. */
export function serverNow() {
  return Date.now() + board.clockOffset;
}

/** Seconds a call has waited, ticking with the page clock. */
export function waitedSeconds(call) {
  const enqueued = Date.parse(call.enqueuedAt);
  if (Number.isNaN(enqueued)) return Number(call.waitedSeconds) || 0;
  return Math.max(0, Math.floor((serverNow() - enqueued) / 1000));
}

function arrival(call) {
  const t = Date.parse(call.enqueuedAt);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Calls in queue order: by arrival (parsed: the server's ISO instants vary in fraction digits), then by id.
 * The server's "position" is not used: it is only true when the call was sent, not after later events.
 */
export function waitingCalls() {
  return [...board.calls.values()].sort((a, b) => {
    const ta = arrival(a);
    const tb = arrival(b);
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ia = String(a.id);
    const ib = String(b.id);
    if (ia === ib) return 0;
    return ia < ib ? -1 : 1;
  });
}

export function agentsList() {
  const order = { AVAILABLE: 0, BUSY: 1, AWAY: 2 };
  return [...board.agents.values()].sort((a, b) => {
    const oa = order[a.presence] ?? 3;
    const ob = order[b.presence] ?? 3;
    if (oa !== ob) return oa - ob;
    return String(a.displayName || a.username).localeCompare(String(b.displayName || b.username), 'fa');
  });
}

export function myAgent() {
  const me = myUsername();
  return me ? board.agents.get(me) ?? null : null;
}

/** Put an agent we got from elsewhere (the presence POST) into the board. */
export function upsertAgent(agent) {
  if (!agent || !agent.username) return;
  board.agents.set(agent.username, agent);
  emit({ type: 'agents' });
}

function socketUrl() {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/ws/board`;
}

function setConnection(state) {
  board.connection = state;
  emit({ type: 'connection', state });
}

function announceNewCall(call) {
  const where = call.districtName || districtName(call.district) || 'منطقهٔ نامعلوم';
  const index = waitingCalls().findIndex((c) => c.id === call.id);
  const position = index >= 0 ? `، نوبت ${toPersianDigits(index + 1)}` : '';
  announce(`تماس تازه در صف: ${where}${position}`);
}

function applySnapshot(message) {
  const now = Date.parse(message.now);
  if (!Number.isNaN(now)) board.clockOffset = now - Date.now();
  board.calls = new Map((message.calls ?? []).filter((c) => c && c.id).map((c) => [c.id, c]));
  board.agents = new Map((message.agents ?? []).filter((a) => a && a.username).map((a) => [a.username, a]));
  board.synced = true;
  emit({ type: 'snapshot' });
}

function applyEvent(message) {
  switch (message.type) {
    case 'snapshot':
      applySnapshot(message);
      break;
    case 'CallWaiting': {
      const call = message.call;
      if (!call || !call.id) return;
      const isNew = !board.calls.has(call.id);
      board.calls.set(call.id, call);
      if (isNew) announceNewCall(call);
      emit({ type: 'calls', id: call.id, isNew });
      break;
    }
    case 'CallAssigned': {
      const call = board.calls.get(message.id);
      if (call && call.assignedTo !== message.agent) {
        board.calls.set(call.id, { ...call, assignedTo: message.agent });
      }
      emit({ type: 'assigned', id: message.id, agent: message.agent, call: board.calls.get(message.id) ?? null });
      break;
    }
    case 'CallLeftQueue': {
      const existed = board.calls.delete(message.id);
      emit({ type: 'calls', id: message.id, removed: existed, reason: message.reason ?? null });
      break;
    }
    case 'CallReturned': {
      // The agent's phone did not answer: the call is waiting again and comes with the message
      // (null when it has already left the queue again; a CallLeftQueue for it is on its way or was applied).
      const call = message.call && message.call.id ? message.call : null;
      const id = message.id ?? (call ? call.id : null);
      let isNew = false;
      if (call) {
        isNew = !board.calls.has(call.id);
        board.calls.set(call.id, call);
        if (isNew) announceNewCall(call);
      }
      emit({ type: 'returned', id, agent: message.agent ?? null, call, isNew });
      break;
    }
    case 'CallEnded': {
      const existed = board.calls.delete(message.id);
      emit({ type: 'ended', id: message.id, agent: message.agent, removed: existed });
      break;
    }
    case 'AgentPresenceChanged':
      if (message.agent && message.agent.username) {
        board.agents.set(message.agent.username, message.agent);
        emit({ type: 'agents', username: message.agent.username });
      }
      break;
    case 'AgentSignedOut':
      if (board.agents.delete(message.username)) emit({ type: 'agents', username: message.username });
      break;
    default:
      // An event this page does not know yet: ignore it.
      break;
  }
}

function scheduleReconnect() {
  if (stopped || reconnectTimer) return;
  reconnectTimer = window.setTimeout(() => {
    reconnectTimer = null;
    connect();
  }, RECONNECT_MS);
}

async function checkSession() {
  // A socket refused because the session ended: /api/me answers 401 and api.js goes to /login.
  try {
    await get('/api/me');
  } catch (error) {
    if (error && error.status === 401) goToLogin();
  }
}

export function connect() {
  if (stopped) return;
  if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) return;
  let ws;
  try {
    ws = new WebSocket(socketUrl());
  } catch (error) {
    console.warn('WebSocket failed to start', error);
    setConnection('closed');
    scheduleReconnect();
    return;
  }
  socket = ws;
  let opened = false;
  ws.addEventListener('open', () => {
    if (socket !== ws) return;
    opened = true;
    board.synced = false;
    setConnection('open');
  });
  ws.addEventListener('message', (event) => {
    if (socket !== ws || typeof event.data !== 'string') return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      console.warn('board message is not JSON');
      return;
    }
    if (message && typeof message.type === 'string') applyEvent(message);
  });
  ws.addEventListener('close', () => {
    if (socket !== ws) return;
    socket = null;
    board.synced = false;
    setConnection('closed');
    if (!opened) checkSession();
    scheduleReconnect();
  });
  ws.addEventListener('error', () => {
    // 'close' follows and does the work.
  });
}

export function disconnect() {
  stopped = true;
  if (reconnectTimer) window.clearTimeout(reconnectTimer);
  if (socket) socket.close(1000, 'page closed');
}
