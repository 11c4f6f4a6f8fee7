// Small DOM helpers and the chart wrapper, so the pages read as what they show.
import * as echarts from 'echarts';
import { t, language } from './i18n.js';
import { compact } from './format.js';
import { csvLink } from './api.js';

/** el('td', {class: 'num', dataset: {value: '12.00'}}, '12.00') */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

export function section(title, ...children) {
  return el('section', { class: 'card' }, el('h2', {}, title), ...children);
}

/**
 * A table whose cells carry their raw value in data-value (what the API answered), shown formatted.
 * columns: [{key, label, format?, numeric?}]
 */
export function table(id, columns, rows, download) {
  const head = el('tr', {}, columns.map(c => el('th', { class: c.numeric ? 'num' : undefined }, c.label)));
  const body = rows.map(row => el('tr', {},
    columns.map(c => {
      const raw = typeof c.key === 'function' ? c.key(row) : row[c.key];
      const shown = c.format ? c.format(raw, row) : raw ?? '';
      return el('td', { class: c.numeric ? 'num' : undefined, title: typeof shown === 'string' ? shown : undefined,
        dataset: { col: c.id ?? c.key, value: raw ?? '' } }, shown);
    })));
  const parts = [el('table', { id, class: 'data' }, el('thead', {}, head), el('tbody', {}, body))];
  if (download) {
    parts.unshift(el('div', { class: 'tools' }, csvLink(t('downloadCsv'), ...download)));
  }
  if (rows.length === 0) {
    parts.push(el('p', { class: 'muted' }, t('none')));
  }
  return el('div', { class: 'table-wrap' }, parts);
}

/** A figure with its exact value in data-value. */
export function kpi(id, label, raw, shown) {
  return el('div', { class: 'kpi', id, dataset: { value: raw ?? '' } }, el('span', { class: 'label' }, label),
    el('span', { class: 'value' }, shown));
}

const charts = new Set();

/** An ECharts chart in a new element; disposed when the page changes. */
export function chart(id, option) {
  const box = el('div', { class: 'chart', id });
  requestAnimationFrame(() => {
    charts.forEach(c => {
      if (!c.getDom().isConnected) {
        c.dispose();
        charts.delete(c);
      }
    });
    const instance = echarts.init(box, null, { renderer: 'svg' });
    instance.setOption(option);
    charts.add(instance);
  });
  return box;
}

/** Updates a chart made by {@link chart} in place (live refresh without flicker). */
export function updateChart(id, option) {
  const box = document.getElementById(id);
  const instance = box && echarts.getInstanceByDom(box);
  if (instance) {
    instance.setOption(option);
  }
}

export function disposeCharts() {
  charts.forEach(c => c.dispose());
  charts.clear();
}

window.addEventListener('resize', () => charts.forEach(c => c.resize()));

/** A labelled input; a field's error is shown in the element with data-error-for. */
export function field(label, name, input) {
  input.name = name;
  input.id = `f-${name}`;
  return el('label', { class: 'field', for: input.id }, el('span', {}, label), input,
    el('span', { class: 'error', dataset: { errorFor: name } }));
}

export function message(kind, text) {
  return el('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Monthly imports and exports (a series answer of either service) as stacked bars or as two lines. */
export function tradeSeriesOption(points, style) {
  const line = (key, label) => ({ name: t(label), data: points.map(p => Number(p[key])),
    ...(style === 'bars' ? { type: 'bar', stack: 'trade' } : { type: 'line' }) });
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('imports'), t('exports')] },
    grid: { left: 70, right: 20, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: points.map(p => p.month) },
    yAxis: { type: 'value', axisLabel: { formatter: v => compact(v, language()) } },
    series: [line('importCny', 'imports'), line('exportCny', 'exports')],
  };
}
