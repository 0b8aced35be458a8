// #/apps — the systems that file requests through Open311 (the city's app, a neighbouring system): a supervisor
// makes each one's key (shown once, to hand to its developers), sees when each was made and by whom, and revokes a
// key, after which it files nothing. Reading through Open311 needs no key.

import { el, append, clear, heading, message, field, latin } from './dom.js';
import { api, get, post, isAbort, errorText } from './api.js';
import { isSupervisor } from './state.js';
import { formatDateTime } from './persian.js';
import { notify } from './ui.js';

const fill = (node, ...children) => append(clear(node), children);

export function renderApps(container, { signal }) {
  if (!isSupervisor()) {
    fill(container, heading(1, 'برنامه‌های متصل', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return null;
  }
  fill(container, heading(1, 'برنامه‌های متصل', { id: 'page-title' }), message('در حال خواندن…'));
  const shown = el('div', { id: 'new-key', role: 'status', 'aria-live': 'polite' });
  const reload = () => get('/api/open311/keys', { signal }).then((clients) => {
    if (signal.aborted) return;
    fill(container,
      heading(1, 'برنامه‌های متصل', { id: 'page-title' }),
      el('p', { class: 'muted' }, 'برنامه‌ها با Open311 درخواست ثبت می‌کنند (', latin('/open311/v2/requests.xml'),
        ')؛ هر برنامه کلید خودش را دارد. خواندن وضعیت درخواست‌ها کلید نمی‌خواهد.'),
      shown, clientsTable(clients, reload), newClientForm(shown, reload));
  }).catch((error) => {
    if (!isAbort(error) && !signal.aborted) container.append(message(errorText('خوانده نشد', error), 'error'));
  });
  reload();
  return null;
}

function clientsTable(clients, reload) {
  if (!clients.length) return el('p', { class: 'empty', id: 'apps-none' }, 'هنوز برنامه‌ای کلید ندارد.');
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table', id: 'apps' },
    el('thead', {}, el('tr', {}, ['برنامه', 'آغاز کلید', 'ساخته', 'وضعیت', ''].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, clients.map((c) => el('tr', { dataset: { id: String(c.id), active: String(c.active) } },
      el('td', {}, el('bdi', {}, c.name)),
      el('td', {}, latin(`${c.keyPrefix}…`)),
      el('td', {}, formatDateTime(c.createdAt), el('br'), el('small', { class: 'muted' }, latin(c.createdBy))),
      el('td', {}, c.active ? el('span', { class: 'badge' }, 'فعال')
        : el('span', {}, 'باطل شد ', el('small', { class: 'muted' }, formatDateTime(c.revokedAt)))),
      el('td', {}, c.active ? revokeButton(c, reload) : null))))));
}

function revokeButton(client, reload) {
  const button = el('button', { type: 'button', class: 'button', dataset: { action: 'revoke' } }, 'باطل کردن کلید');
  button.addEventListener('click', async () => {
    if (!window.confirm(`کلید «${client.name}» باطل شود؟ این برنامه دیگر نمی‌تواند درخواست ثبت کند.`)) return;
    button.disabled = true;
    try {
      await api(`/api/open311/keys/${encodeURIComponent(client.id)}`, { method: 'DELETE' });
      notify(`کلید «${client.name}» باطل شد.`, 'success');
      reload();
    } catch (error) {
      if (!isAbort(error)) notify(errorText('باطل نشد', error), 'error');
      button.disabled = false;
    }
  });
  return button;
}

function newClientForm(shown, reload) {
  const name = field('نام برنامه', el('input', { type: 'text', name: 'name', maxlength: '100', autocomplete: 'off', placeholder: 'اصفهان من' }));
  const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'ساختن کلید');
  const form = el('form', { class: 'action-form', id: 'new-app', noValidate: true }, el('h2', {}, 'برنامهٔ تازه'), name.wrapper, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!name.control.value.trim()) {
      notify('نام برنامه را بنویسید.', 'error');
      return;
    }
    submit.disabled = true;
    try {
      const made = await post('/api/open311/keys', { name: name.control.value.trim() });
      // The key exists in full only in this answer: the server keeps its hash.
      fill(shown, el('div', { class: 'key-once' },
        el('p', {}, `کلید «${made.name}»، تنها همین یک بار نشان داده می‌شود؛ آن را به سازندگان برنامه بدهید:`),
        el('p', {}, el('code', { id: 'new-key-value', dir: 'ltr' }, made.key))));
      reload();
    } catch (error) {
      if (!isAbort(error)) notify(errorText('کلید ساخته نشد', error), 'error');
      submit.disabled = false;
    }
  });
  return form;
}
