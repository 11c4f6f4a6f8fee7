// Analyst: partners, regions, commodities, supervision modes and regimes over a date range, each as a table
// that downloads as CSV and as a chart.
import { get } from '../api.js';
import { t, name } from '../i18n.js';
import { money, percent, count, today } from '../format.js';
import { el, section, table, chart } from '../ui.js';

export const page = { id: 'breakdowns', roles: ['analyst'], title: 'breakdowns', live: true, render };

const amounts = [
  { key: 'importCny', label: () => t('imports'), numeric: true, format: money },
  { key: 'exportCny', label: () => t('exports'), numeric: true, format: money },
  { key: 'totalCny', label: () => t('total'), numeric: true, format: money },
];

/** Each table: the endpoint, its extra parameters, its label column and how a row is named. */
const TABLES = [
  { id: 'partners', title: 'partners', path: '/api/statistics/partners', query: { limit: 20 },
    key: 'partnerCountry', label: row => name('country', row.partnerCountry, row.name), share: true },
  { id: 'regions', title: 'regions', path: '/api/statistics/regions', key: 'code',
    label: row => name('region', row.code, row.name) },
  { id: 'commodities', title: 'commodities', path: '/api/statistics/commodities', query: { level: 'section' },
    key: 'code', label: row => name('section', row.code, row.title), counted: 'items' },
  { id: 'trade-modes', title: 'tradeModes', path: '/api/statistics/trade-modes', key: 'tradeMode',
    label: row => name('mode', row.tradeMode, row.name) },
  { id: 'regimes', title: 'regimes', path: '/api/statistics/regimes', key: 'regime', label: row => t(`regime.${row.regime}`) },
];

function columns(spec) {
  return [
    { key: spec.key, label: t('code') },
    { id: 'name', key: row => spec.label(row), label: t('name') },
    ...amounts.map(a => ({ ...a, label: a.label() })),
    { key: spec.counted ?? 'declarations', label: t(spec.counted ?? 'declarationsCount'), numeric: true, format: count },
    ...(spec.share ? [{ key: 'share', label: t('share'), numeric: true, format: percent }] : []),
  ];
}

function pie(spec, rows) {
  return {
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '70%'],
      data: rows.slice(0, 12).map(r => ({ name: spec.label(r), value: Number(r.totalCny) })) }],
  };
}

function render(container) {
  const year = Number(today().slice(0, 4));
  const from = el('input', { type: 'date', id: 'from', value: `${year - 1}-01-01` });
  const to = el('input', { type: 'date', id: 'to', value: today() });
  const body = el('div', { class: 'grid' });
  container.append(el('div', { class: 'toolbar' },
    el('label', {}, t('from'), ' ', from), el('label', {}, t('to'), ' ', to)), body);

  let shown = null;

  async function refresh() {
    const range = { from: from.value, to: to.value };
    const answers = await Promise.all(TABLES.map(spec => get('statistics', spec.path, { ...range, ...spec.query })));
    if (from.value !== range.from || to.value !== range.to) {
      return; // the range changed meanwhile; its own refresh draws it
    }
    const snapshot = JSON.stringify([range, t('name'), answers.map(a => a.body)]);
    if (snapshot === shown) {
      return; // nothing new: keep the tables and charts as they are
    }
    shown = snapshot;
    body.replaceChildren(...TABLES.map((spec, i) => {
      const list = answers[i].body;
      return section(t(spec.title),
        chart(`${spec.id}-chart`, pie(spec, list)),
        table(`${spec.id}-table`, columns(spec), list, ['statistics', spec.path, { ...range, ...spec.query }]));
    }));
  }

  from.addEventListener('change', refresh);
  to.addEventListener('change', refresh);
  return refresh;
}
