// Validates Kubernetes manifests against the schemas of the API they name, two ways, both from npm packages:
//   1. the model's own validator (kubernetes-models and @kubernetes-models/*: JSON Schema compiled with Ajv from
//      Kubernetes' OpenAPI document and from the operators' CRDs): types, required fields, enums, patterns, formats;
//   2. the TypeScript compiler against the same packages' type declarations, each resource as an object literal of
//      its kind's type: a field the schema does not know is an error ("excess property"), as in kubectl's strict
//      server-side field validation, which the compiled validators alone do not check.
// Usage: node validate-manifests.mjs FILE...   Prints a JSON array, one entry per YAML document:
//   {"file", "index", "apiVersion", "kind", "name", "schema", "errors": [...]}; exits 0 when it could check them all.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import ts from 'typescript';

const MODULE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The npm package that holds an API group's models; the core groups are kubernetes-models'. */
const PACKAGES = {
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'core.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'keda.sh': '@kubernetes-models/keda',
  'eventing.keda.sh': '@kubernetes-models/keda',
};
const CORE_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'apiextensions.k8s.io',
  'admissionregistration.k8s.io', 'certificates.k8s.io']);

/** The module whose export is the model of apiVersion/kind, or undefined when no package here has one. */
function moduleOf(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = CORE_GROUPS.has(group) ? 'kubernetes-models' : PACKAGES[group];
  if (!pkg) return undefined;
  const groupPath = group === '' ? version : `${group}/${version}`;
  const specifier = `${pkg}/${groupPath}/${kind}`;
  // Only what the package declares: an unknown kind or version of a known group has no file.
  const root = path.join(MODULE_DIR, 'node_modules', pkg);
  if (!fs.existsSync(path.join(root, groupPath, `${kind}.js`)) || !fs.existsSync(path.join(root, groupPath, `${kind}.d.ts`))) return undefined;
  return { specifier, pkg, version: JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version };
}

const files = process.argv.slice(2);
const results = [];
for (const file of files) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  docs.forEach((doc, index) => {
    const entry = { file, index, errors: [] };
    results.push(entry);
    if (doc.errors.length) {
      entry.errors.push(...doc.errors.map((e) => `YAML: ${e.message}`));
      return;
    }
    const value = doc.toJS();
    if (value === null || value === undefined) {
      entry.errors.push('empty document');
      return;
    }
    entry.apiVersion = value.apiVersion;
    entry.kind = value.kind;
    entry.name = value.metadata?.name;
    entry.value = value;
  });
}

// 1. The compiled schema validators.
for (const entry of results.filter((e) => e.value)) {
  const module = moduleOf(entry.apiVersion, entry.kind);
  if (!module) {
    entry.errors.push(`no schema for apiVersion ${entry.apiVersion} kind ${entry.kind}`);
    continue;
  }
  entry.module = module;
  entry.schema = `${module.pkg}@${module.version} ${entry.apiVersion} ${entry.kind}`;
  const exported = await import(module.specifier);
  const Model = exported[entry.kind];
  try {
    new Model(entry.value).validate();
  } catch (e) {
    entry.errors.push(`schema: ${e.message}`);
  }
}

// 2. The type declarations, strictly: one object literal per resource, typed as its kind.
const checked = results.filter((e) => e.module);
if (checked.length) {
  const dir = path.join(MODULE_DIR, 'target', 'manifest-types');
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(dir, 'manifests.mts');
  const lines = [];
  const spans = [];
  checked.forEach((entry, i) => {
    lines.push(`import type { I${entry.kind} as T${i} } from ${JSON.stringify(entry.module.specifier)};`);
  });
  checked.forEach((entry, i) => {
    const text = `export const r${i}: T${i} = ${JSON.stringify(entry.value, null, 2)};`.split('\n');
    const from = lines.length;
    lines.push(...text);
    spans.push({ entry, from, to: lines.length - 1 });
  });
  fs.writeFileSync(source, lines.join('\n') + '\n');
  const program = ts.createProgram([source], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || path.resolve(d.file.fileName) !== path.resolve(source)) {
      for (const entry of checked) entry.errors.push(`types: ${message}`);
      continue;
    }
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    const span = spans.find((s) => line >= s.from && line <= s.to);
    const where = span ? lines[line].trim().slice(0, 80) : '';
    (span ? [span.entry] : checked).forEach((entry) => entry.errors.push(`types: ${message}${where ? ` (at ${where})` : ''}`));
  }
}

process.stdout.write(JSON.stringify(results.map(({ value, module, ...rest }) => rest), null, 1));
