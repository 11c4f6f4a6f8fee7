// Evaluates every PromQL expression of every dashboard panel and every alert rule against a real Prometheus
// (PROM_URL) that scrapes the running platform. A panel expression must return data; an alert expression
// must evaluate without error, every metric it reads must exist, and Prometheus must have loaded and
// evaluated the rule without error. Waits (up to WAIT_SECONDS) for data that takes time to appear: rates
// need two scrapes, and the Kafka client's per-partition lag gauges are registered about a minute after
// a consumer starts.
// Prints one "PASS <check>" or "FAIL <check>: <why>" line per check; exits 1 if any failed.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const PROM = process.env.PROM_URL ?? 'http://127.0.0.1:9090';
const WAIT_SECONDS = Number(process.env.WAIT_SECONDS ?? 150);
const JOBS = ['declaration-service', 'zone-service', 'statistics-service'];
// Grafana's interval variables, as Grafana would fill them for a 30-minute view of 15 s scrapes; the check
// scrapes every 2 s, so 30 s holds plenty of samples.
const GRAFANA_VARIABLES = { $__rate_interval: '30s', $__interval: '15s', $__range: '30m' };

let passed = 0;
let failed = 0;
const report = (ok, name, why) => {
  if (ok) { passed++; console.log(`PASS ${name}`); } else { failed++; console.log(`FAIL ${name}: ${why}`); }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function api(pathAndQuery, params) {
  const url = `${PROM}${pathAndQuery}`;
  const res = params
    ? await fetch(url, { method: 'POST', body: new URLSearchParams(params) })
    : await fetch(url);
  const body = await res.json();
  if (body.status !== 'success') throw new Error(`${body.errorType}: ${body.error}`);
  return body.data;
}
const query = (expr) => api('/api/v1/query', { query: expr, time: String(Date.now() / 1000) });

function grafanaExpr(expr) {
  let out = expr;
  for (const [name, value] of Object.entries(GRAFANA_VARIABLES)) out = out.split(name).join(value);
  const left = out.match(/\$\{?\w+/);
  if (left) throw new Error(`uses variable ${left[0]} that this check cannot fill`);
  return out;
}

/** Metric names a PromQL expression reads (strings, matchers, ranges and grouping labels removed). */
function metricNames(expr) {
  const keywords = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right',
    'bool', 'offset', 'inf', 'nan']);
  const stripped = expr
    .replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set();
  for (const m of stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (m[2] || keywords.has(m[1].toLowerCase())) continue;
    names.add(m[1]);
  }
  return [...names];
}

// ---------------------------------------------------------------------------------- expressions to check
const panelChecks = [];
const dashboardDir = path.join(ROOT, 'monitoring/grafana/dashboards');
for (const file of fs.readdirSync(dashboardDir).filter((f) => f.endsWith('.json')).sort()) {
  const dashboard = JSON.parse(fs.readFileSync(path.join(dashboardDir, file), 'utf8'));
  const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');
  for (const panel of panels) {
    for (const target of panel.targets ?? []) {
      panelChecks.push({ name: `panel ${file} "${panel.title}" ${target.refId}`, raw: target.expr });
    }
  }
}
const alertsFile = path.join(ROOT, 'monitoring/prometheus/alerts.yml');
const fileRules = (YAML.parse(fs.readFileSync(alertsFile, 'utf8')).groups ?? []).flatMap((g) => g.rules);

// ---------------------------------------------------------------------------------- wait for data
const deadline = Date.now() + WAIT_SECONDS * 1000;
async function targetsUp() {
  const data = await query('up');
  const up = Object.fromEntries(data.result.map((r) => [r.metric.job, r.value[1]]));
  return JOBS.filter((j) => up[j] !== '1');
}
let down = JOBS;
while (Date.now() < deadline) {
  try { down = await targetsUp(); } catch { /* Prometheus still starting */ }
  if (down.length === 0) break;
  await sleep(2000);
}
report(down.length === 0, 'prometheus scrapes all three services (up == 1)', `not up: ${down.join(', ')}`);

const results = new Map();
let pending = panelChecks;
while (pending.length && Date.now() < deadline) {
  const next = [];
  for (const c of pending) {
    try {
      const data = await query(grafanaExpr(c.raw));
      const n = data.resultType === 'vector' || data.resultType === 'matrix' ? data.result.length : 1;
      const values = data.resultType === 'vector' ? data.result.map((r) => r.value[1]) : [];
      results.set(c, { ok: n > 0, why: 'returned no data', n, values });
      if (n === 0) next.push(c);
    } catch (e) {
      results.set(c, { ok: false, why: e.message });
      if (/variable|bad_data/.test(e.message)) continue; // a parse error or unknown variable: waiting won't help
      next.push(c);
    }
  }
  pending = next;
  if (pending.length) await sleep(3000);
}
for (const c of panelChecks) {
  const r = results.get(c) ?? { ok: false, why: 'not evaluated before the deadline' };
  report(r.ok, c.name, `${r.why} (${c.raw})`);
}

// ---------------------------------------------------------------------------------- alerts
let loaded = [];
for (;;) {
  // Wait until Prometheus has evaluated every rule at least once.
  const groups = (await api('/api/v1/rules')).groups;
  loaded = groups.flatMap((g) => g.rules);
  const evaluated = loaded.length > 0 && loaded.every((r) => r.lastEvaluation && !r.lastEvaluation.startsWith('0001'));
  if (evaluated || Date.now() > deadline) break;
  await sleep(2000);
}
report(loaded.length === fileRules.length, `prometheus loaded all ${fileRules.length} rules of alerts.yml`,
  `loaded ${loaded.length}`);
for (const rule of fileRules) {
  const name = rule.alert ?? rule.record;
  try {
    await query(rule.expr);
    report(true, `alert ${name}: expression evaluates`);
  } catch (e) {
    report(false, `alert ${name}: expression evaluates`, e.message);
  }
  const missing = [];
  for (const metric of metricNames(rule.expr)) {
    try {
      const data = await query(`count({__name__="${metric}"})`);
      if (data.result.length === 0) missing.push(metric);
    } catch (e) {
      missing.push(`${metric} (${e.message})`);
    }
  }
  report(missing.length === 0, `alert ${name}: every metric it reads is scraped`, `no series for ${missing.join(', ')}`);
  const live = loaded.find((r) => r.name === name);
  report(live && live.health === 'ok' && !live.lastError, `alert ${name}: Prometheus evaluates the rule without error`,
    live ? `health ${live.health} ${live.lastError ?? ''}` : 'not loaded');
}

console.log(`queries: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
