// Building the page with DOM calls only: text always goes through textContent, never through HTML parsing.

import { toPersianDigits } from './persian.js';

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'required', 'type', 'title', 'htmlFor', 'tabIndex']);

/**
 * el('button', {class: 'accept', type: 'button', dataset: {callId: id}, on: {click: f}}, 'پذیرش')
 * Children: strings (as text), nodes, arrays, null/false (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (name === 'text') node.textContent = String(value);
    else if (PROPERTIES.has(name)) node[name] = value;
    else if (name === 'href') setHashHref(node, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Only our own hash routes (and the server's login page) may become links. */
export function setHashHref(node, href) {
  if (typeof href !== 'string') return;
  if (href === '/login' || /^#\/[A-Za-z0-9/_.?=&%+*-]*$/.test(href)) node.setAttribute('href', href);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A phone number or a code: isolated left-to-right, Persian digits. */
export function ltr(value, className) {
  const text = value === null || value === undefined || value === '' ? '—' : toPersianDigits(value);
  return el('bdi', { dir: 'ltr', class: ['ltr', className].filter(Boolean).join(' ') }, text);
}

/**
 * Machine text as it is typed and dialled (a user name, a dial string such as PJSIP/101): isolated
 * left-to-right, digits left Latin, since Persian digits there would not be what Asterisk or the login reads.
 */
export function latin(value, className) {
  const text = value === null || value === undefined || value === '' ? '—' : String(value);
  return el('bdi', { dir: 'ltr', class: ['ltr', className].filter(Boolean).join(' ') }, text);
}

/**
 * A player for a recording the server serves (it answers range requests, so the player can seek);
 * nothing is fetched until someone presses play (a fetch is what the history counts as listening).
 */
export function audioPlayer(src, id, label) {
  return el('div', { class: 'audio-player' },
    el('audio', { controls: true, preload: 'none', src, id, 'aria-label': label },
      'مرورگر شما پخش صدا را پشتیبانی نمی‌کند.'));
}

/** A <dl> from [label, value] pairs; value may be a node or text. */
export function definitionList(pairs, className) {
  const dl = el('dl', { class: className ?? 'facts' });
  for (const [term, value] of pairs) {
    if (value === undefined) continue;
    dl.append(el('div', { class: 'fact' }, el('dt', {}, term), el('dd', {}, value ?? '—')));
  }
  return dl;
}

let uniqueCounter = 0;
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** A labelled form field: returns {wrapper, control}. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uniqueId('f');
  const children = [el('label', { htmlFor: control.id }, labelText), control];
  if (hint) {
    const hintNode = el('small', { class: 'hint', id: `${control.id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintNode.id);
    children.push(hintNode);
  }
  return { wrapper: el('div', { class: 'field' }, children), control };
}

/**
 * The page's one <datalist> of these values under this id (made once), for an input's {@code list}: a typed name
 * that must match another exactly, as a unit's does, is better chosen than typed.
 */
export function datalist(id, values) {
  if (!document.getElementById(id)) {
    document.body.append(el('datalist', { id }, (values ?? []).map((value) => el('option', { value }))));
  }
  return id;
}

/** A <select> with [value, label] options. */
export function select(attributes, options, selectedValue) {
  const node = el('select', attributes);
  for (const [value, text] of options) {
    const option = el('option', { value: String(value) }, text);
    if (selectedValue !== undefined && selectedValue !== null && String(selectedValue) === String(value)) option.selected = true;
    node.append(option);
  }
  return node;
}

/** A small message box inside a view (not the global notice). */
export function message(text, kind = 'info', extra) {
  return el('div', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, el('p', {}, text), extra ?? null);
}

export function heading(level, text, attributes = {}) {
  return el(`h${level}`, { tabindex: '-1', ...attributes }, text);
}
