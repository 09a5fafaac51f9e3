import { envString, extendConfig } from '@app/service-kit';

/** The platform settings plus the tree-head signing key (Ed25519, PKCS#8 PEM) and the signer registry (signers-config.ts). */
export const loadLedgerConfig = extendConfig({
  LEDGER_SIGNING_KEY: envString().includes('PRIVATE KEY', { error: 'must be a PKCS#8 PEM private key' }).optional(),
  AUDIT_SIGNERS: envString().optional(),
  AUDIT_SIGNERS_FILE: envString().optional(),
});

export type LedgerConfig = ReturnType<typeof loadLedgerConfig>;
