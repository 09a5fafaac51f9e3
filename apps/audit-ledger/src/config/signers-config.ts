import { keyIdOf, type Signer } from '@app/audit';
import { ConfigError, inlineOrFile } from '@app/service-kit';
import { z } from 'zod';

const isoMs = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)) && new Date(Date.parse(value)).toISOString() === value, {
    error: 'must be a UTC ISO 8601 date with milliseconds (2026-01-01T00:00:00.000Z)',
  });

const signerShape = z
  .object({
    service: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'must be a service name of services.json' }),
    publicKeyPem: z.string().transform((pem, ctx) => {
      try {
        return { pem: pem.replace(/\\n/g, '\n'), keyId: keyIdOf(pem.replace(/\\n/g, '\n')) };
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an Ed25519 public key in SPKI PEM' });
        return z.NEVER;
      }
    }),
    validFrom: isoMs,
    validUntil: isoMs.optional(),
  })
  .strict()
  .refine((s) => s.validUntil === undefined || s.validFrom < s.validUntil, { error: 'validUntil must be after validFrom', path: ['validUntil'] });

/**
 * The signer registry as configured: AUDIT_SIGNERS_FILE (a path) or
 * AUDIT_SIGNERS (inline JSON), `[{ service, publicKeyPem, validFrom,
 * validUntil? }]`. Validated once at start-up; every problem is named.
 */
export function configuredSigners(config: { AUDIT_SIGNERS?: string; AUDIT_SIGNERS_FILE?: string }): Signer[] {
  const { text, from: name } = inlineOrFile(
    config,
    'AUDIT_SIGNERS',
    'AUDIT_SIGNERS_FILE (or AUDIT_SIGNERS) is required: the public keys the ledger accepts seals from',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([`${name} is not valid JSON`]);
  }
  const parsed = z.array(signerShape).safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${name}[${issue.path.join('.')}] ${issue.message}`));
  }
  const signers = parsed.data.map(({ service, publicKeyPem, validFrom, validUntil }) => ({
    service,
    keyId: publicKeyPem.keyId,
    publicKeyPem: publicKeyPem.pem,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
  }));
  const ids = signers.map((s) => s.keyId);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new ConfigError([`${name} lists key ${repeated} twice`]);
  return signers;
}
