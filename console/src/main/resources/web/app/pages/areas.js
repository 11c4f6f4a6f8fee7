// Area administrator: its areas' totals by flow and mode, their series and their rank among all areas; and
// every area rolled up by province (from the ranking and the registry, both open to this role).
import { get } from '../api.js';
import { claims } from '../auth.js';
import { t, name, language } from '../i18n.js';
import { money, count, percent, today, compact } from '../format.js';
import { el, section, table, kpi, chart, tradeSeriesOption } from '../ui.js';

export const page = { id: 'areas', roles: ['area-admin'], title: 'areas', live: true, render };

/** Exact sums of decimal strings with two decimals, in fen. */
function fen(value) {
  const [whole, fraction = ''] = String(value).split('.');
  const negative = whole.startsWith('-');
  const cents = BigInt(whole.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

function yuan(cents) {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Provinces with their areas' count (from the registry) and summed trade (from the ranking). */
export function rollUp(registry, ranking) {
  const totals = new Map(ranking.map(r => [r.zoneCode, r]));
  const provinces = new Map();
  registry.forEach(area => {
    const row = provinces.get(area.province) ?? { province: area.province, areas: 0, importCny: 0n, exportCny: 0n, totalCny: 0n };
    row.areas += 1;
    const entry = totals.get(area.code);
    if (entry) {
      row.importCny += fen(entry.importCny);
      row.exportCny += fen(entry.exportCny);
      row.totalCny += fen(entry.totalCny);
    }
    provinces.set(area.province, row);
  });
  return [...provinces.values()]
    .sort((a, b) => (b.totalCny > a.totalCny ? 1 : b.totalCny < a.totalCny ? -1 : a.province.localeCompare(b.province)))
    .map(row => ({ ...row, importCny: yuan(row.importCny), exportCny: yuan(row.exportCny), totalCny: yuan(row.totalCny) }));
}


function areaSection(code, totals, series, rankEntry, areaCount) {
  const flows = table(`flows-${code}`, [
    { id: 'flow', key: row => `${row.flow}/${row.direction}`, label: t('flow'),
      format: (raw, row) => `${t(`flow.${row.flow}`)} · ${t(row.direction === 'IMPORT' ? 'imports' : 'exports')}` },
    { key: 'declarations', label: t('declarationsCount'), numeric: true, format: count },
    { key: 'valueCny', label: 'CNY', numeric: true, format: money },
  ], totals.byFlow);
  const modes = table(`modes-${code}`, [
    { key: 'tradeMode', label: t('code') },
    { id: 'name', key: row => name('mode', row.tradeMode), label: t('name') },
    { key: 'importCny', label: t('imports'), numeric: true, format: money },
    { key: 'exportCny', label: t('exports'), numeric: true, format: money },
    { key: 'totalCny', label: t('total'), numeric: true, format: money },
  ], totals.byTradeMode.map(m => ({ tradeMode: m.tradeMode, ...(m.totals ?? m) })));
  return section(`${code} ${name('zone', code)}`,
    el('div', { class: 'kpis' },
      kpi(`area-${code}-total`, t('total'), totals.totalCny, `CNY ${money(totals.totalCny)}`),
      kpi(`area-${code}-import`, t('imports'), totals.importCny, `CNY ${money(totals.importCny)}`),
      kpi(`area-${code}-export`, t('exports'), totals.exportCny, `CNY ${money(totals.exportCny)}`),
      kpi(`area-${code}-declarations`, t('declarationsCount'), totals.declarations, count(totals.declarations)),
      kpi(`area-${code}-rank`, t('rankAmong'), rankEntry?.rank ?? '', rankEntry ? `${rankEntry.rank} / ${areaCount}` : '–'),
      kpi(`area-${code}-share`, t('share'), rankEntry?.share ?? '', percent(rankEntry?.share))),
    el('h3', {}, t('byFlow')), flows,
    el('h3', {}, t('byMode')), modes,
    chart(`series-${code}`, tradeSeriesOption(series, 'lines')));
}

function render(container) {
  const year = Number(today().slice(0, 4));
  const from = el('input', { type: 'date', id: 'from', value: `${year - 1}-01-01` });
  const to = el('input', { type: 'date', id: 'to', value: today() });
  const body = el('div');
  container.append(el('div', { class: 'toolbar' },
    el('label', {}, t('from'), ' ', from), el('label', {}, t('to'), ' ', to)), body);
  const zones = claims().zones ?? [];

  let shown = null;

  async function refresh() {
    const range = { from: from.value, to: to.value };
    const [ranking, registry, ...perArea] = await Promise.all([
      // Every flow, so the province roll-up adds up to the areas' totals shown beside it.
      get('zones', '/api/zones/ranking', { ...range, limit: 200, flow: 'ALL' }),
      get('zones', '/api/zones', { limit: 200 }),
      ...zones.flatMap(code => [
        get('zones', `/api/zones/${code}/totals`, range),
        get('zones', `/api/zones/${code}/series`, range),
      ]),
    ]);
    if (from.value !== range.from || to.value !== range.to) {
      return; // the range changed meanwhile; its own refresh draws it
    }
    const snapshot = JSON.stringify([range, t('name'), ranking.body, perArea.map(a => a.body)]);
    if (snapshot === shown) {
      return; // nothing new: keep the tables and charts as they are
    }
    shown = snapshot;
    const ranked = ranking.body;
    const sections = zones.map((code, i) => areaSection(code, perArea[2 * i].body, perArea[2 * i + 1].body,
      ranked.find(r => r.zoneCode === code), registry.body.length));
    const provinces = rollUp(registry.body, ranked);
    body.replaceChildren(...sections, section(t('allAreas'),
      chart('provinces-chart', {
        tooltip: { trigger: 'axis' },
        grid: { left: 120, right: 20, top: 10, bottom: 30 },
        xAxis: { type: 'value', axisLabel: { formatter: v => compact(v, language()) } },
        yAxis: { type: 'category', inverse: true, data: provinces.slice(0, 15).map(p => name('province', p.province)) },
        series: [{ type: 'bar', data: provinces.slice(0, 15).map(p => Number(p.totalCny)) }],
      }),
      table('provinces-table', [
        { id: 'province', key: 'province', label: t('province'), format: raw => name('province', raw) },
        { key: 'areas', label: t('areaCount'), numeric: true },
        { key: 'importCny', label: t('imports'), numeric: true, format: money },
        { key: 'exportCny', label: t('exports'), numeric: true, format: money },
        { key: 'totalCny', label: t('total'), numeric: true, format: money },
      ], provinces)));
  }

  from.addEventListener('change', refresh);
  to.addEventListener('change', refresh);
  return refresh;
}
