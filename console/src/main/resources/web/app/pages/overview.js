// Analyst: the national figures for a month and the year to date, as GAC's monthly table reads, and the series.
import { get } from '../api.js';
import { t } from '../i18n.js';
import { money, count, percent, currentMonth, monthEnd } from '../format.js';
import { el, section, kpi, chart, updateChart, tradeSeriesOption } from '../ui.js';

export const page = { id: 'overview', roles: ['analyst'], title: 'overview', live: true, render };


function figures(prefix, period, share, mom) {
  return el('div', { class: 'kpis' },
    kpi(`${prefix}-total`, t('total'), period.totalCny, `CNY ${money(period.totalCny)}`),
    kpi(`${prefix}-import`, t('imports'), period.importCny, `CNY ${money(period.importCny)}`),
    kpi(`${prefix}-export`, t('exports'), period.exportCny, `CNY ${money(period.exportCny)}`),
    kpi(`${prefix}-balance`, t('balance'), share.balanceCny, `CNY ${money(share.balanceCny)}`),
    kpi(`${prefix}-yoy`, t('yoy'), period.yoyTotalCny, percent(period.yoyTotalCny)),
    mom === undefined ? '' : kpi(`${prefix}-mom`, t('mom'), mom, percent(mom)),
    kpi(`${prefix}-share`, t('zoneShare'), share.zoneShare, percent(share.zoneShare)),
    kpi(`${prefix}-declarations`, t('declarationsCount'), period.declarations, count(period.declarations)));
}

function render(container) {
  const picker = el('input', { type: 'month', id: 'month', value: currentMonth() });
  const body = el('div');
  container.append(el('div', { class: 'toolbar' }, el('label', {}, t('month'), ' ', picker)), body);
  let drawn = false;

  async function refresh() {
    const month = picker.value || currentMonth();
    const year = Number(month.slice(0, 4));
    const [report, monthTotals, ytdTotals, series] = await Promise.all([
      get('statistics', '/api/statistics/monthly-report', { month }),
      get('statistics', '/api/statistics/totals', { from: `${month}-01`, to: monthEnd(month) }),
      get('statistics', '/api/statistics/totals', { from: `${year}-01-01`, to: monthEnd(month) }),
      get('statistics', '/api/statistics/series', { from: `${year - 1}-01-01`, to: monthEnd(month) }),
    ]);
    if ((picker.value || currentMonth()) !== month) {
      return; // another month was picked meanwhile; its own refresh draws it
    }
    const points = series.body;
    const mom = points.find(p => p.month === month)?.momTotalCny ?? null;
    const figuresNow = el('div', {},
      section(`${t('monthPeriod')} ${month}`, figures('month', report.body.currentMonth, monthTotals.body, mom)),
      section(`${t('yearToDate')} ${year}-01 – ${month}`, figures('ytd', report.body.yearToDate, ytdTotals.body)));
    if (!drawn) {
      body.replaceChildren(figuresNow, section(t('series'), chart('series-chart', tradeSeriesOption(points, 'bars'))));
      drawn = true;
    } else {
      body.firstChild.replaceWith(figuresNow);
      updateChart('series-chart', tradeSeriesOption(points, 'bars'));
    }
  }

  picker.addEventListener('change', () => {
    drawn = false;
    refresh();
  });
  return refresh;
}
