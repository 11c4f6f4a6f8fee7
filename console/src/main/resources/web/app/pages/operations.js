// Operator: how far each consumer has got (lag, dead letters with their reasons, readable), the outbox backlog,
// the simulator and the exchange rates.
import { get, write } from '../api.js';
import { t } from '../i18n.js';
import { count, currentMonth } from '../format.js';
import { el, section, table, kpi, field, message } from '../ui.js';

export const page = { id: 'operations', roles: ['operator'], title: 'operations', live: true, render };

/** Each consumer: the key of its URL in the settings, and its name. */
const CONSUMERS = [['zones', 'zone-service'], ['statistics', 'statistics-service']];

function consumerSection(service, label, status, letters, reader) {
  return section(label,
    el('div', { class: 'kpis' },
      kpi(`${service}-applied`, t('applied'), status.declarations, count(status.declarations)),
      kpi(`${service}-lag`, t('lag'), status.lag ?? '', status.lag === null || status.lag === undefined ? '–' : count(status.lag)),
      kpi(`${service}-dead-letters`, t('deadLetters'), status.deadLetters ?? '', count(status.deadLetters))),
    el('p', { class: 'muted' }, status.deadLetterTopic ?? ''),
    table(`${service}-dead-letter-table`, [
      { key: 'partition', label: 'partition', numeric: true },
      { key: 'offset', label: 'offset', numeric: true },
      { key: 'timestamp', label: t('date') },
      { key: 'kind', label: 'kind' },
      { key: 'reason', label: t('reason') },
      { id: 'read', key: () => '', label: '', format: (raw, row) => el('button', { type: 'button', class: 'read',
        onclick: () => reader.replaceChildren(el('h3', {}, `${status.deadLetterTopic} ${row.partition}:${row.offset}`),
          el('pre', { class: 'record' }, `key: ${row.key ?? ''}\n\n${row.value ?? ''}`)) }, t('read')) },
    ], letters));
}

function simulatorControls(refresh) {
  const rate = el('input', { type: 'number', min: 1, value: 200 });
  const state = el('div', { class: 'form-status', id: 'simulator-state' });
  const act = async (path, body) => {
    try {
      await write('POST', 'declarations', path, body);
      state.replaceChildren();
      refresh();
    } catch (e) {
      state.replaceChildren(message('error', [e.message, ...e.errors.map(x => `${x.field}: ${x.message}`)].join(' · ')));
    }
  };
  return el('div', {},
    el('div', { class: 'toolbar' }, field(t('rate'), 'ratePerSecond', rate),
      el('button', { type: 'button', id: 'simulator-start', class: 'primary',
        onclick: () => {
          const value = rate.value.trim();
          // Digits go as a JSON number; anything else as typed, for the service to refuse naming the field.
          act('/api/simulator/start', { ratePerSecond: /^\d{1,9}$/.test(value) ? JSON.rawJSON(value) : value });
        } }, t('start')),
      el('button', { type: 'button', id: 'simulator-stop', onclick: () => act('/api/simulator/stop') }, t('stop'))),
    state);
}

function rateForm(refresh) {
  const month = el('input', { type: 'month', value: currentMonth() });
  const currency = el('input', { type: 'text', value: 'USD', maxlength: 3 });
  const value = el('input', { type: 'text', placeholder: '7.1200' });
  const state = el('div', { class: 'form-status' });
  const form = el('form', { id: 'rate-form', class: 'toolbar', novalidate: true },
    field(t('month'), 'month', month), field(t('currency'), 'currency', currency), field('CNY', 'cnyPerUnit', value),
    el('button', { type: 'submit', class: 'primary' }, t('publish')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const number = value.value.trim();
    try {
      await write('PUT', 'declarations', `/api/exchange-rates/${month.value}`,
        { [currency.value.trim()]: /^\d+(\.\d+)?$/.test(number) ? JSON.rawJSON(number) : number });
      state.replaceChildren(message('ok', t('saved')));
      refresh();
    } catch (e) {
      state.replaceChildren(message('error', [e.message, ...e.errors.map(x => `${x.field}: ${x.message}`)].join(' · ')));
    }
  });
  return el('div', {}, form, state);
}

function render(container) {
  const consumers = el('div');
  const outbox = el('div', { class: 'kpis' });
  const simulator = el('div', { class: 'kpis' });
  const rates = el('div');
  const reader = el('div', { id: 'dead-letter-reader', class: 'reader' });

  // Listing dead letters reads the topic with a consumer of its own: only when their count has changed.
  const listed = new Map();
  async function deadLetters(service, count) {
    const known = listed.get(service);
    if (known && count !== null && known.count === count) {
      return known.letters;
    }
    const letters = (await get(service, '/api/ingest/dead-letters', { limit: 20 })).body;
    listed.set(service, { count, letters });
    return letters;
  }

  async function refresh() {
    const year = Number(currentMonth().slice(0, 4));
    const [out, sim, rateList, ...statuses] = await Promise.all([
      get('declarations', '/api/outbox/status'),
      get('declarations', '/api/simulator'),
      get('declarations', '/api/exchange-rates', { from: `${year - 1}-01`, to: currentMonth() }),
      ...CONSUMERS.map(([service]) => get(service, '/api/ingest/status')),
    ]);
    const letters = await Promise.all(CONSUMERS.map(([service], i) => deadLetters(service, statuses[i].body.deadLetters)));
    consumers.replaceChildren(...CONSUMERS.map(([service, label], i) =>
      consumerSection(service, label, statuses[i].body, letters[i], reader)));
    outbox.replaceChildren(
      kpi('outbox-pending', t('pending'), out.body.pending, count(out.body.pending)),
      kpi('outbox-oldest', t('oldest'), out.body.oldestPendingAgeSeconds ?? '', out.body.oldestPendingAgeSeconds ?? '–'),
      kpi('outbox-parked', t('parked'), out.body.parked, count(out.body.parked)),
      kpi('outbox-relayed', t('relayed'), out.body.relayedSinceStart, count(out.body.relayedSinceStart)),
      kpi('outbox-broker', t('broker'), String(out.body.brokerReachable), out.body.brokerReachable ? t('reachable') : t('unreachable')));
    simulator.replaceChildren(
      kpi('simulator-running', t('status'), String(sim.body.running), sim.body.running ? t('running') : t('stopped')),
      kpi('simulator-sent', t('sent'), sim.body.sent, count(sim.body.sent)));
    rates.replaceChildren(table('rates-table', [
      { key: 'month', label: t('month') },
      { key: 'currency', label: t('currency') },
      { key: 'cnyPerUnit', label: 'CNY', numeric: true },
      { key: 'source', label: 'source' },
    ], [...rateList.body.rates].reverse().slice(0, 24)));
  }

  container.append(consumers, section(t('deadLetters'), reader), section(t('outbox'), outbox),
    section(t('simulator'), simulator, simulatorControls(refresh)),
    section(t('exchangeRates'), rateForm(refresh), rates));
  return refresh;
}
