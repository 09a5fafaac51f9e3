import { createCipheriv, createHash, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';

/*
 * How fast this machine runs the kind of work a flow is made of, on one core,
 * before the platform starts: the same commit measured 29.8 and 10.8 flows/s
 * on two days' 2-core machines of the same kind, so a figure is only
 * comparable with another next to this reference (flows/s per 1,000
 * reference ops/s). One op is what the platform does to one audited step, in
 * miniature: an entry-sized JSON written and read back, its SHA-256, an
 * Ed25519 signature and its verification, and AES-256-GCM over a personal field.
 */

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const fieldKey = randomBytes(32);

/** About the size and shape of a sealed audit entry. */
const ENTRY = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  service: 'prescription',
  action: 'PrescriptionIssued',
  actor: { role: 'physician', rpps: '10000000009', org: 'clinic-1' },
  subjects: Array.from({ length: 4 }, (_, i) => ({ kind: 'prescription', id: `0190a1b2-0000-7000-8000-00000000000${i}` })),
  evidence: { rules: Array.from({ length: 8 }, (_, i) => ({ rule: `HAS-${i}`, outcome: 'PASS', detail: 'x'.repeat(40) })) },
  occurredAt: '2026-12-02T00:00:00.000Z',
};

/** One op; returns whether its signature verified (always, on a sane machine: what the test checks). */
export function referenceOp(): boolean {
  const bytes = Buffer.from(JSON.stringify(JSON.parse(JSON.stringify(ENTRY))));
  const digest = createHash('sha256').update(bytes).digest();
  const signature = sign(null, digest, privateKey);
  const cipher = createCipheriv('aes-256-gcm', fieldKey, randomBytes(12));
  Buffer.concat([cipher.update('1 84 12 75 123 456 78'), cipher.final(), cipher.getAuthTag()]);
  return verify(null, digest, publicKey, signature);
}

/** Ops per second on this core over `ms` (after a short warm-up). */
export function measureMachineReference(ms = 2_000): number {
  for (let i = 0; i < 200; i += 1) referenceOp();
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms) * 1_000_000n;
  let ops = 0;
  while (process.hrtime.bigint() < until) {
    referenceOp();
    ops += 1;
  }
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** flows/s per 1,000 reference ops/s: the figure to compare across machines. */
export const perThousandReferenceOps = (flowsPerSecond: number, referenceOpsPerSecond: number): number => (flowsPerSecond * 1_000) / referenceOpsPerSecond;
