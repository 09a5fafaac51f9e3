import type { Signer } from '@app/audit';
import type { Queryable } from './queryable';

interface SignerRow {
  key_id: string;
  service: string;
  public_key_pem: string;
  valid_from: Date;
  valid_until: Date | null;
}

/**
 * The configuration is the authority on validity (a rotation sets the old
 * key's validUntil), but never on history: a key that leaves the
 * configuration stays, so what it sealed keeps verifying. A key never
 * changes service.
 */
export async function registerSigners(db: Queryable, signers: readonly Signer[]): Promise<void> {
  if (signers.length === 0) return;
  await db.query(
    `INSERT INTO ledger_signers (key_id, service, public_key_pem, valid_from, valid_until)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
     ON CONFLICT (key_id) DO UPDATE SET valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until
      WHERE ledger_signers.service = EXCLUDED.service`,
    [
      signers.map((s) => s.keyId),
      signers.map((s) => s.service),
      signers.map((s) => s.publicKeyPem),
      signers.map((s) => s.validFrom),
      signers.map((s) => s.validUntil ?? null),
    ],
  );
}

/** Every key ever registered, by service then validity. */
export async function readSigners(db: Queryable): Promise<Signer[]> {
  const rows: SignerRow[] = await db.query(
    `SELECT key_id, service, public_key_pem, valid_from, valid_until FROM ledger_signers ORDER BY service, valid_from, key_id`,
  );
  return rows.map((row) => ({
    service: row.service,
    keyId: row.key_id,
    publicKeyPem: row.public_key_pem,
    validFrom: row.valid_from.toISOString(),
    ...(row.valid_until ? { validUntil: row.valid_until.toISOString() } : {}),
  }));
}

/** Keys registered for another service than the configuration now says: refused at start-up. */
export async function signersOfOtherService(db: Queryable, signers: readonly Signer[]): Promise<string[]> {
  const rows: Array<{ key_id: string }> = await db.query(
    `SELECT s.key_id FROM ledger_signers s JOIN unnest($1::text[], $2::text[]) AS c(key_id, service) ON c.key_id = s.key_id WHERE c.service <> s.service`,
    [signers.map((s) => s.keyId), signers.map((s) => s.service)],
  );
  return rows.map((row) => row.key_id);
}
