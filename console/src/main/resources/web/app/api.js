// Calls to the services with the user's token. Amounts stay exact: JSON numbers are kept as their source text
// (a yuan total with fen can need more digits than a double holds), and only charts turn them into numbers.
import { accessToken } from './auth.js';

let services;

export function configure(consoleSettings) {
  services = consoleSettings.services;
}

/** A failed call: status, and the problem body's detail and per-field errors when the service sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem?.errors ?? [];
  }
}

function exactJson(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' && context?.source && !Number.isSafeInteger(value) ? context.source : value);
}

function url(service, path, query) {
  const target = new URL(services[service] + path);
  Object.entries(query ?? {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      target.searchParams.set(k, v);
    }
  });
  return target;
}

async function send(method, service, path, { query, body, accept = 'application/json', headers = {} } = {}) {
  const response = await fetch(url(service, path, query), {
    method,
    headers: {
      Authorization: `Bearer ${await accessToken()}`,
      Accept: accept,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try {
      problem = JSON.parse(text);
    } catch (e) {
      problem = { detail: text || response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function get(service, path, query) {
  const response = await send('GET', service, path, { query });
  return { body: exactJson(await response.text()), headers: response.headers };
}

export async function write(method, service, path, body, headers) {
  const response = await send(method, service, path, { body, headers });
  const text = await response.text();
  return { status: response.status, body: text ? exactJson(text) : null };
}

/**
 * A link that downloads a table as CSV. The services need a token, which a plain link cannot carry, so the
 * click fetches the file and hands it to the browser under the name the service gives (Content-Disposition).
 */
export function csvLink(label, service, path, query) {
  const link = document.createElement('a');
  link.href = url(service, path, query).toString();
  link.className = 'csv';
  link.textContent = label;
  link.addEventListener('click', async event => {
    event.preventDefault();
    const response = await send('GET', service, path, { query, accept: 'text/csv' });
    const disposition = response.headers.get('Content-Disposition') || '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || `${path.split('/').pop()}.csv`;
    const blobUrl = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = blobUrl;
    save.download = name;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  });
  return link;
}
