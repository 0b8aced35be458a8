// #/figures — the supervisor's figures for the last 7 or 30 days, drawn with Chart.js (global Chart).

import { el, clear, heading, message } from './dom.js';
import { get, errorText, isAbort } from './api.js';
import { isSupervisor } from './state.js';
import { formatNumber, formatDate, formatDayLabel, formatLongDay, formatWait } from './persian.js';

const COLORS = {
  primary: '#2f6f9f',
  green: '#3f8f6b',
  amber: '#c7832f',
  red: '#b5475b',
  purple: '#6b5fa8',
};

function chartLibrary() {
  return typeof globalThis.Chart === 'function' ? globalThis.Chart : null;
}

let defaultsSet = false;
function setDefaults(Chart) {
  if (defaultsSet) return;
  defaultsSet = true;
  const style = window.getComputedStyle(document.body);
  Chart.defaults.font.family = style.fontFamily || 'Vazirmatn, Tahoma, sans-serif';
  Chart.defaults.font.size = 14;
  Chart.defaults.color = style.getPropertyValue('--text').trim() || '#1d2733';
  Chart.defaults.borderColor = style.getPropertyValue('--grid').trim() || 'rgba(0,0,0,0.1)';
  Chart.defaults.locale = 'fa-IR';
  Chart.defaults.animation = false;
  Chart.defaults.plugins.legend.rtl = true;
  Chart.defaults.plugins.legend.textDirection = 'rtl';
  Chart.defaults.plugins.tooltip.rtl = true;
  Chart.defaults.plugins.tooltip.textDirection = 'rtl';
}

function numberTicks() {
  return { precision: 0, callback: (value) => formatNumber(value) };
}

function chartBox(id, title, description, rowCount) {
  const canvas = el('canvas', { id, role: 'img', 'aria-label': `${title}: ${description}` }, description);
  const box = el('div', { class: 'chart-box' }, canvas);
  // Horizontal bars need room for every label (22 districts); CSSOM, not a style attribute.
  if (rowCount) box.style.height = `${Math.max(260, rowCount * 28 + 60)}px`;
  return {
    canvas,
    node: el('section', { class: 'panel chart-panel', 'aria-labelledby': `${id}-title` },
      el('h2', { id: `${id}-title` }, title),
      box),
  };
}

function countsDescription(rows) {
  if (!rows.length) return 'داده‌ای نیست';
  return rows.map((r) => `${r.label}: ${formatNumber(r.count)}`).join('، ');
}

function horizontalBar(Chart, canvas, rows, label, color) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label ?? r.key),
      datasets: [{ label, data: rows.map((r) => r.count), backgroundColor: color, borderRadius: 4, maxBarThickness: 28 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      locale: 'fa-IR',
      plugins: { legend: { display: false, rtl: true } },
      scales: {
        x: { beginAtZero: true, reverse: true, ticks: numberTicks() },
        y: { position: 'right', ticks: { autoSkip: false } },
      },
    },
  });
}

function callsChart(Chart, canvas, days) {
  const labels = days.map((d) => formatDayLabel(d.day));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'فقط سامانهٔ گویا', data: days.map((d) => d.ivrOnly ?? 0), backgroundColor: COLORS.primary },
        { label: 'پاسخ اپراتور', data: days.map((d) => d.escalatedAnswered ?? 0), backgroundColor: COLORS.green },
        { label: 'رها شده', data: days.map((d) => d.abandoned ?? 0), backgroundColor: COLORS.red },
        { label: 'بی‌پاسخ مانده', data: days.map((d) => d.unanswered ?? 0), backgroundColor: COLORS.amber },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: 'fa-IR',
      plugins: {
        legend: { position: 'top', rtl: true, textDirection: 'rtl' },
        tooltip: {
          rtl: true, textDirection: 'rtl', mode: 'index', intersect: false,
          callbacks: {
            title: (items) => (items.length ? formatLongDay(days[items[0].dataIndex].day) : ''),
            label: (item) => `${item.dataset.label}: ${formatNumber(item.raw)}`,
          },
        },
      },
      scales: {
        x: { stacked: true, reverse: true },
        y: { stacked: true, beginAtZero: true, position: 'right', ticks: numberTicks() },
      },
    },
  });
}

function waitChart(Chart, canvas, days) {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map((d) => formatDayLabel(d.day)),
      datasets: [{
        label: 'میانگین انتظار برای اپراتور (ثانیه)',
        data: days.map((d) => (Number.isFinite(d.averageWaitSeconds) ? Math.round(d.averageWaitSeconds) : null)),
        borderColor: COLORS.amber,
        backgroundColor: COLORS.amber,
        tension: 0.2,
        spanGaps: true,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: 'fa-IR',
      plugins: {
        legend: { display: false, rtl: true },
        tooltip: {
          rtl: true, textDirection: 'rtl',
          callbacks: {
            title: (items) => (items.length ? formatLongDay(days[items[0].dataIndex].day) : ''),
            label: (item) => `میانگین انتظار: ${formatWait(item.raw)}`,
          },
        },
      },
      scales: {
        x: { reverse: true },
        y: { beginAtZero: true, position: 'right', ticks: numberTicks() },
      },
    },
  });
}

function dailyTable(days) {
  const columns = ['روز', 'فقط سامانهٔ گویا', 'پاسخ اپراتور', 'رها شده', 'بی‌پاسخ مانده', 'میانگین انتظار برای اپراتور'];
  return el('table', { class: 'data-table figures-table', id: 'figures-daily' },
    el('caption', { class: 'visually-hidden' }, 'تماس‌ها و انتظار روزانه'),
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, days.map((d) => el('tr', {},
      el('td', { dataset: { label: columns[0] } }, formatLongDay(d.day)),
      el('td', { dataset: { label: columns[1] } }, formatNumber(d.ivrOnly ?? 0)),
      el('td', { dataset: { label: columns[2] } }, formatNumber(d.escalatedAnswered ?? 0)),
      el('td', { dataset: { label: columns[3] } }, formatNumber(d.abandoned ?? 0)),
      el('td', { dataset: { label: columns[4] } }, formatNumber(d.unanswered ?? 0)),
      el('td', { dataset: { label: columns[5] } }, Number.isFinite(d.averageWaitSeconds) ? formatWait(d.averageWaitSeconds) : '—')))));
}

function bigNumber(id, label, value, kind) {
  return el('div', { class: `big-number ${kind ?? ''}`, id },
    el('span', { class: 'big-number-value', dataset: { value: String(value ?? 0) } }, formatNumber(value ?? 0)),
    el('span', { class: 'big-number-label' }, label));
}

export function renderFigures(container, query, { signal }) {
  const days = query.get('days') === '30' ? 30 : 7;
  const charts = [];
  const destroyCharts = () => {
    while (charts.length) {
      const chart = charts.pop();
      try {
        chart.destroy();
      } catch {
        // already gone
      }
    }
  };

  if (!isSupervisor()) {
    clear(container).append(heading(1, 'آمار', { id: 'page-title' }), message('این بخش فقط برای سرپرست است.', 'error'));
    return destroyCharts;
  }

  const toggle = el('div', { class: 'segmented', role: 'group', 'aria-label': 'بازهٔ زمانی' },
    [7, 30].map((n) => el('a', {
      class: n === days ? 'button is-active' : 'button',
      href: `#/figures?days=${n}`,
      'aria-current': n === days ? 'true' : null,
      id: `figures-days-${n}`,
      dataset: { days: String(n) },
    }, `${formatNumber(n)} روز گذشته`)));
  const body = el('div', { class: 'figures-body', 'aria-busy': 'true' }, el('p', { class: 'muted' }, 'در حال خواندن آمار…'));

  clear(container).append(
    el('div', { class: 'page-head' }, heading(1, 'آمار', { id: 'page-title' }), toggle),
    body);

  get(`/api/figures?days=${days}`, { signal })
    // Charts are drawn on canvases, which do not redraw when a font arrives: wait for Vazirmatn first.
    .then((figures) => document.fonts.ready.then(() => figures))
    .then((figures) => {
      if (signal.aborted) return;
      body.removeAttribute('aria-busy');
      const perDistrict = Array.isArray(figures.perDistrict) ? figures.perDistrict : [];
      const perCategory = Array.isArray(figures.perCategory) ? figures.perCategory : [];
      const callsPerDay = Array.isArray(figures.callsPerDay) ? figures.callsPerDay : [];

      const range = el('p', { class: 'muted figures-range' }, `از ${formatDate(figures.from)} تا ${formatDate(figures.to)}`);
      const numbers = el('div', { class: 'big-numbers' },
        bigNumber('figure-open-referrals', 'ارجاع باز', figures.openReferrals),
        bigNumber('figure-overdue-referrals', 'ارجاع با مهلت گذشته', figures.overdueReferrals, (figures.overdueReferrals ?? 0) > 0 ? 'is-overdue' : ''));

      const districtBox = chartBox('chart-districts', 'درخواست‌ها به تفکیک منطقه', countsDescription(perDistrict), perDistrict.length);
      const categoryBox = chartBox('chart-categories', 'درخواست‌ها به تفکیک موضوع', countsDescription(perCategory), perCategory.length);
      const callsBox = chartBox('chart-calls', 'تماس‌ها در هر روز',
        callsPerDay.map((d) => `${formatDayLabel(d.day)}: ${formatNumber((d.ivrOnly ?? 0) + (d.escalatedAnswered ?? 0) + (d.abandoned ?? 0) + (d.unanswered ?? 0))}`).join('، ') || 'داده‌ای نیست');
      const waitBox = chartBox('chart-wait', 'میانگین انتظار در صف اپراتورها', 'جدول روزانه در پایین صفحه آمده است');

      const Chart = chartLibrary();
      const notice = Chart ? null : message('کتابخانهٔ نمودار بارگذاری نشد؛ اعداد در جدول‌ها آمده است.', 'error');
      if (notice) notice.id = 'chart-missing';

      const countList = (rows) => el('ul', { class: 'count-list' },
        rows.map((r) => el('li', {}, el('span', {}, r.label ?? r.key), el('span', { class: 'count' }, formatNumber(r.count)))));

      body.replaceChildren(...[
        range,
        notice,
        numbers,
        el('div', { class: 'figures-grid' },
          Chart ? districtBox.node : el('section', { class: 'panel' }, el('h2', {}, 'درخواست‌ها به تفکیک منطقه'), countList(perDistrict)),
          Chart ? categoryBox.node : el('section', { class: 'panel' }, el('h2', {}, 'درخواست‌ها به تفکیک موضوع'), countList(perCategory)),
          Chart ? callsBox.node : null,
          Chart ? waitBox.node : null),
        el('section', { class: 'panel', 'aria-labelledby': 'daily-title' },
          el('h2', { id: 'daily-title' }, 'جدول روزانهٔ تماس‌ها و انتظار'),
          el('div', { class: 'table-wrap' }, dailyTable(callsPerDay))),
      ].filter(Boolean));

      if (!Chart) return;
      try {
        setDefaults(Chart);
        charts.push(horizontalBar(Chart, districtBox.canvas, perDistrict, 'تعداد درخواست', COLORS.primary));
        charts.push(horizontalBar(Chart, categoryBox.canvas, perCategory, 'تعداد درخواست', COLORS.purple));
        charts.push(callsChart(Chart, callsBox.canvas, callsPerDay));
        charts.push(waitChart(Chart, waitBox.canvas, callsPerDay));
      } catch (failure) {
        console.error('chart failed', failure);
        body.prepend(message('رسم نمودار ممکن نشد؛ اعداد در جدول آمده است.', 'error'));
      }
    })
    .catch((failure) => {
      if (isAbort(failure) || signal.aborted) return;
      body.removeAttribute('aria-busy');
      body.replaceChildren(message(failure && failure.status === 403
        ? 'این بخش فقط برای سرپرست است.'
        : errorText('آمار خوانده نشد', failure), 'error'));
    });

  return destroyCharts;
}
