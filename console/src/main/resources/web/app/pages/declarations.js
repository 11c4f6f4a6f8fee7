// Declarant: its enterprises' declarations (find by number, list, revisions, status), and filing, amending and
// cancelling with each validation error shown next to its field.
import { get, write, ApiError } from '../api.js';
import { claims } from '../auth.js';
import { t, name } from '../i18n.js';
import { money, today } from '../format.js';
import { el, section, table, field, message } from '../ui.js';

export const page = { id: 'declarations', roles: ['declarant'], title: 'declarations', live: false, render };

const HEADER_FIELDS = ['declarationDate', 'direction', 'zoneCode', 'zoneFlow', 'tradeMode', 'customsOffice',
  'declarantCode', 'partnerCountry', 'transportMode', 'transactionTerms', 'currency'];
const ITEM_FIELDS = ['itemNo', 'hsCode', 'quantity', 'unit', 'value'];
const NUMERIC = new Set(['itemNo', 'quantity', 'value']);

function select(options, value) {
  return el('select', {}, options.map(([v, label]) => el('option', { value: v, selected: v === value }, label)));
}

function input(type, value) {
  return el('input', { type, value: value ?? '', step: type === 'number' ? 'any' : undefined });
}

function headerInput(key, declaration, enterprises) {
  const value = declaration?.[key];
  switch (key) {
    case 'declarationDate': return input('date', value ?? today());
    case 'direction': return select([['IMPORT', t('imports')], ['EXPORT', t('exports')]], value);
    case 'zoneFlow': return select([['', '–'], ['FIRST_LINE', t('flow.FIRST_LINE')], ['SECOND_LINE', t('flow.SECOND_LINE')],
      ['INTRA_ZONE', t('flow.INTRA_ZONE')]], value ?? '');
    case 'declarantCode': return select(enterprises.map(u => [u, u]), value);
    default: return input('text', value);
  }
}

function itemRow(index, item) {
  return el('div', { class: 'item', dataset: { index } }, ITEM_FIELDS.map(key =>
    field(key, `items[${index}].${key}`, input(NUMERIC.has(key) ? 'number' : 'text', item?.[key] ?? (key === 'itemNo' ? index + 1 : '')))));
}

/** The form for a new declaration, or for amending {@code declaration}. */
function declarationForm(declaration, onDone) {
  const enterprises = claims().uscc ?? [];
  const items = el('div', { class: 'items' }, (declaration?.items ?? [{}]).map((item, i) => itemRow(i, item)));
  const status = el('div', { class: 'form-status' });
  const form = el('form', { id: declaration ? 'amend-form' : 'file-form', class: 'declaration-form', novalidate: true },
    el('div', { class: 'fields' }, HEADER_FIELDS.map(key => field(key, key, headerInput(key, declaration, enterprises)))),
    el('h3', {}, 'items'), items,
    el('button', { type: 'button', onclick: () => items.append(itemRow(items.children.length)) }, t('addItem')),
    el('button', { type: 'submit', class: 'primary' }, declaration ? t('amend') : t('save')),
    status);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
    const body = {};
    HEADER_FIELDS.forEach(key => {
      const value = form.elements[key].value.trim();
      body[key] = value === '' ? null : value;
    });
    body.items = [...items.children].map((row, i) => Object.fromEntries(ITEM_FIELDS.map(key => {
      const value = form.elements[`items[${i}].${key}`].value.trim();
      // Numbers go as JSON numbers with the digits typed: no float round trip.
      return [key, value === '' ? null : NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? JSON.rawJSON(value) : value];
    })));
    try {
      const answer = declaration
        ? await write('PUT', 'declarations', `/api/declarations/${declaration.declarationId}`, body)
        : await write('POST', 'declarations', '/api/declarations', body);
      status.replaceChildren(message('ok', `${t('saved')}: ${answer.body.declarationId} rev ${answer.body.revision} ${answer.body.status}`));
      status.dataset.declarationId = answer.body.declarationId;
      onDone(answer.body);
    } catch (e) {
      showErrors(form, status, e);
    }
  });
  return form;
}

/** Puts each problem+json field error next to its input; the rest, and the detail, above the button. */
function showErrors(form, status, error) {
  const unplaced = [];
  (error instanceof ApiError ? error.errors : []).forEach(({ field: path, message: text }) => {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    if (slot) {
      slot.textContent = text;
      slot.previousElementSibling?.classList.add('invalid');
    } else {
      unplaced.push(`${path}: ${text}`);
    }
  });
  status.replaceChildren(message('error', [error.message, ...unplaced].join(' · ')));
}

function details(declaration, refreshList) {
  const box = el('div', { id: 'declaration-details' });
  const show = async () => {
    const revisions = await get('declarations', `/api/declarations/${declaration.declarationId}/revisions`);
    box.replaceChildren(
      el('dl', { class: 'facts' },
        ...[['declarationId', declaration.declarationId], [t('status'), declaration.status], ['revision', declaration.revision],
          [t('date'), declaration.declarationDate], [t('direction'), declaration.direction],
          [t('zone'), declaration.zoneCode ? `${declaration.zoneCode} ${name('zone', declaration.zoneCode)}` : '–'],
          [t('partner'), name('country', declaration.partnerCountry)], ['CNY', money(declaration.totalValueCny)]]
          .flatMap(([k, v]) => [el('dt', {}, k), el('dd', { dataset: { fact: k } }, String(v))])),
      el('h3', {}, t('revisions')),
      table('revisions-table', [
        { key: 'revision', label: 'revision' },
        { key: 'action', label: t('status') },
        { key: 'filedAt', label: t('date') },
        { key: r => r.filedBy.subject, id: 'by', label: 'by' },
      ], revisions.body),
      declaration.status === 'CANCELLED' ? '' : el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'amend', onclick: () => box.replaceChildren(declarationForm(declaration, updated => {
          refreshList();
          box.replaceWith(details(updated, refreshList));
        })) }, t('amend')),
        el('button', { type: 'button', id: 'cancel', class: 'danger', onclick: async () => {
          const answer = await write('DELETE', 'declarations', `/api/declarations/${declaration.declarationId}`);
          refreshList();
          box.replaceWith(details(answer.body, refreshList));
        } }, t('cancel'))));
  };
  show().catch(e => box.replaceChildren(message('error', e.message)));
  return box;
}

function render(container) {
  const number = el('input', { type: 'text', id: 'search-id', placeholder: '18 digits', maxlength: 18 });
  const found = el('div', { id: 'found' });
  const list = el('div', { id: 'list' });
  const filing = el('div', { id: 'filing' });

  async function open(id) {
    try {
      const answer = await get('declarations', `/api/declarations/${id}`);
      found.replaceChildren(details(answer.body, refresh));
    } catch (e) {
      found.replaceChildren(message('error', e.status === 404 ? `${t('notFound')}: ${id}` : e.message));
    }
  }

  async function refresh() {
    const answer = await get('declarations', '/api/declarations', { size: 20, page: 0 });
    list.replaceChildren(table('declarations-table', [
      { key: 'declarationId', label: 'declarationId', format: raw => el('a', { href: '#', onclick: e => { e.preventDefault(); open(raw); } }, raw) },
      { key: 'status', label: t('status') },
      { key: 'revision', label: 'revision', numeric: true },
      { key: 'declarationDate', label: t('date') },
      { key: 'direction', label: t('direction') },
      { key: 'zoneCode', label: t('zone') },
      { key: 'totalValueCny', label: 'CNY', numeric: true, format: money },
    ], answer.body.items), el('p', { class: 'muted' }, `${answer.body.totalItems}`));
  }

  container.append(
    section(t('search'), el('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); open(number.value.trim()); } },
      number, el('button', { type: 'submit' }, t('find'))), found),
    section(t('list'), list),
    section(t('file'), filing));
  filing.append(declarationForm(null, stored => {
    refresh();
    open(stored.declarationId);
  }));
  return refresh;
}
