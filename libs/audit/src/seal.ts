import type { AuditEntry, EntrySeal } from '@app/contracts';
import { canonicalBytes, canonicalJson, sha256Hex } from './audit-hash';
import { ed25519Sign, ed25519Verify } from './ed25519';
import { keyIdOfPublicKey, publicKeyFromPem, type Ed25519SigningKey } from './ed25519-pem';
import { fromHex, toHex } from './hex';

export type { EntrySeal } from '@app/contracts';

/** One key of the ledger's signer registry (API.md `GET /v1/ledger/signers`). */
export interface Signer {
  service: string;
  keyId: string;
  publicKeyPem: string;
  /** Platform-clock validity, compared with the entry's `occurredAt`: validFrom <= occurredAt < validUntil. */
  validFrom: string;
  validUntil?: string;
}

export type SealFailure = 'SEAL_MISSING' | 'SIGNER_UNKNOWN' | 'SIGNER_NOT_VALID' | 'SEAL_INVALID';

export type SealCheck = { ok: true; signer: Signer } | { ok: false; reason: SealFailure; message: string };

/** What the seal signs: the JCS bytes of the entry without its `seal`. */
export function sealBytes(entry: Omit<AuditEntry, 'seal'> | AuditEntry): Uint8Array {
  const { seal: _seal, ...unsealed } = entry as AuditEntry;
  return canonicalBytes(unsealed);
}

/** The entry with its seal under the writing service's key. */
export function sealEntry(entry: Omit<AuditEntry, 'seal'>, key: Ed25519SigningKey): AuditEntry {
  const signature = toHex(ed25519Sign(sealBytes(entry), key.secretKey));
  return { ...entry, seal: { keyId: key.keyId, signature } };
}

/**
 * `sealEntry` then `hashAuditEntry`, canonicalising each field once: the
 * JCS of an object is `{`, its members sorted by key as `"key":JCS(value)`
 * joined by commas, `}` (RFC 8785 section 3.2.3), so the bytes the seal
 * signs and the bytes the chain hashes share every member but the seal.
 * Canonicalisation is the costliest part of an append on the Node side;
 * this halves it. Same bytes as the two calls, by construction and by test.
 */
export function sealAndHashEntry(unsealed: Omit<AuditEntry, 'seal'>, key: Ed25519SigningKey): { entry: AuditEntry; hash: string } {
  const members = Object.entries(unsealed)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ name, text: `${JSON.stringify(name)}:${canonicalJson(value)}` }));
  const signature = toHex(ed25519Sign(objectBytes(members), key.secretKey));
  const seal: EntrySeal = { keyId: key.keyId, signature };
  const hash = sha256Hex(objectBytes([...members, { name: 'seal', text: `"seal":${canonicalJson(seal)}` }]));
  return { entry: { ...unsealed, seal }, hash };
}

function objectBytes(members: ReadonlyArray<{ name: string; text: string }>): Uint8Array {
  // JCS sorts keys by UTF-16 code units, which is what the default string order compares.
  const sorted = [...members].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return new TextEncoder().encode(`{${sorted.map((m) => m.text).join(',')}}`);
}

/**
 * Whether the entry's seal verifies under a signer of the entry's `service`
 * valid at its `occurredAt`. Never throws: entries come from the network and
 * from dossiers.
 */
export function checkEntrySeal(entry: AuditEntry, signers: readonly Signer[]): SealCheck {
  const seal = (entry as Partial<AuditEntry> | null)?.seal as Partial<EntrySeal> | undefined;
  if (typeof seal !== 'object' || seal === null) return fail('SEAL_MISSING', 'the entry carries no seal');
  if (!isHex(seal.keyId, 32) || !isHex(seal.signature, 64)) {
    return fail('SEAL_INVALID', 'seal.keyId must be 32 and seal.signature 64 bytes of lowercase hex');
  }
  const keyId = seal.keyId;
  // A signer counts only if its PEM really is the key it names: a registry or a
  // dossier could otherwise pair a trusted key id with another key.
  const ofKey = signers.filter((s) => s.keyId === keyId && publicKeyOf(s) !== null);
  const ofService = ofKey.filter((s) => s.service === entry.service);
  if (ofService.length === 0) {
    const other = ofKey.length > 0 ? ` (it is a key of ${ofKey.map((s) => s.service).join(', ')})` : '';
    return fail('SIGNER_UNKNOWN', `no signer of service "${String(entry.service)}" has key ${keyId}${other}`);
  }
  const at = strictIsoMs(entry.occurredAt);
  const valid = at === null ? undefined : ofService.find((s) => isValidAt(s, at));
  if (valid === undefined) {
    return fail('SIGNER_NOT_VALID', `key ${keyId} of "${entry.service}" is not valid at occurredAt ${String(entry.occurredAt)}`);
  }
  const ok = ed25519Verify(fromHex(seal.signature), sealBytes(entry), publicKeyOf(valid)!);
  return ok ? { ok: true, signer: valid } : fail('SEAL_INVALID', `the seal does not verify under key ${keyId}`);
}

function fail(reason: SealFailure, message: string): SealCheck {
  return { ok: false, reason, message };
}

function isHex(value: unknown, bytes: number): value is string {
  return typeof value === 'string' && value.length === bytes * 2 && /^[0-9a-f]+$/.test(value);
}

function isValidAt(signer: Signer, at: number): boolean {
  const from = strictIsoMs(signer.validFrom);
  const until = signer.validUntil === undefined ? Infinity : strictIsoMs(signer.validUntil);
  return from !== null && until !== null && from <= at && at < until;
}

/** Epoch ms of a UTC ISO 8601 date with milliseconds, or null: one spelling per instant. */
function strictIsoMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString() === value ? ms : null;
}

// Registries are loaded once and checked against many entries: parse each PEM once.
const publicKeys = new WeakMap<Signer, Uint8Array | null>();

function publicKeyOf(signer: Signer): Uint8Array | null {
  if (!publicKeys.has(signer)) {
    let key: Uint8Array | null = null;
    try {
      const bytes = publicKeyFromPem(signer.publicKeyPem);
      key = keyIdOfPublicKey(bytes) === signer.keyId ? bytes : null;
    } catch {
      key = null;
    }
    publicKeys.set(signer, key);
  }
  return publicKeys.get(signer) ?? null;
}
