import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** API groups whose kinds Kubernetes' schemas do not describe: scripts/k8s/strimzi-check checks them against Strimzi's model. */
export const STRIMZI_GROUPS = ['kafka.strimzi.io', 'core.strimzi.io'];

export interface Manifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export interface ManifestDocument {
  /** `k8s/<file>.yaml#<n>`: where the document is, for messages. */
  where: string;
  manifest: Manifest;
}

/** Every YAML document of every .yaml/.yml file under `dir` (recursively); a YAML syntax error throws. */
export function manifestDocuments(dir: string, root = dir): ManifestDocument[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return manifestDocuments(path, root);
      if (!/\.ya?ml$/.test(entry.name)) return [];
      return parseAllDocuments(readFileSync(path, 'utf8'), { uniqueKeys: true }).flatMap((document, index) => {
        if (document.errors.length > 0) throw new Error(`${relative(root, path)}#${index + 1}: ${document.errors[0].message}`);
        const manifest = document.toJS() as Manifest | null;
        return manifest === null ? [] : [{ where: `${relative(root, path)}#${index + 1}`, manifest }];
      });
    });
}

export const isStrimzi = (manifest: Manifest): boolean =>
  typeof manifest.apiVersion === 'string' && STRIMZI_GROUPS.some((group) => (manifest.apiVersion as string).startsWith(`${group}/`));

type ModelClass = new (data: unknown) => { validate(): void; toJSON(): unknown };

/** The kubernetes-models class of an apiVersion and kind (`v1` is the core group), or an error naming what is unknown. */
function modelOf(apiVersion: string, kind: string): ModelClass | string {
  let module: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require(`kubernetes-models/${apiVersion}`) as Record<string, unknown>;
  } catch {
    return `apiVersion ${apiVersion} is not one Kubernetes serves (kubernetes-models has no kubernetes-models/${apiVersion})`;
  }
  const model = module[kind];
  if (typeof model !== 'function' || (model as { kind?: string }).kind !== kind) return `kind ${kind} is not a kind of ${apiVersion}`;
  return model as ModelClass;
}

interface Reads {
  path: string;
  keys: Set<string>;
  /** The validator enumerated the object's keys (a map: labels, ConfigMap data): every key is known. */
  enumerated: boolean;
}

/**
 * The Kubernetes schemas of kubernetes-models check types, required fields and
 * formats but let unknown fields through (`readinesProbe` would be dropped by
 * the API server without a word). Their validators read every field their
 * schema knows: the fields of the document they never read are unknown.
 */
function trackReads(value: unknown, path: string, reads: Map<object, Reads>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = value as Record<string | symbol, unknown>;
  let record = reads.get(target);
  if (!record) reads.set(target, (record = { path, keys: new Set(), enumerated: false }));
  const own = record;
  return new Proxy(target, {
    get(object, key, receiver) {
      const field = Reflect.get(object, key, receiver);
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(object, key)) return field;
      own.keys.add(key);
      return trackReads(field, Array.isArray(object) ? `${own.path}[${key}]` : `${own.path}.${key}`, reads);
    },
    has(object, key) {
      if (typeof key === 'string') own.keys.add(key);
      return Reflect.has(object, key);
    },
    ownKeys(object) {
      own.enumerated = true;
      return Reflect.ownKeys(object);
    },
  });
}

/** What is wrong with one non-Strimzi document, against the Kubernetes schemas: empty when nothing. */
export function kubernetesProblems(manifest: Manifest): string[] {
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['apiVersion and kind are required strings'];
  const model = modelOf(apiVersion, kind);
  if (typeof model === 'string') return [model];
  const object = new model(manifest).toJSON();
  const reads = new Map<object, Reads>();
  const problems: string[] = [];
  try {
    // The model's validate runs its schema's validator on `this`.
    model.prototype.validate.call(trackReads(object, '', reads));
  } catch (error) {
    const details = (error as { errors?: Array<{ instancePath: string; message?: string }> }).errors;
    problems.push(...(details?.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`) ?? [(error as Error).message]));
  }
  for (const [target, record] of reads) {
    if (Array.isArray(target) || record.enumerated) continue;
    for (const key of Object.keys(target)) if (!record.keys.has(key)) problems.push(`${record.path}.${key} is not a field of ${kind} (${apiVersion})`);
  }
  return problems;
}
