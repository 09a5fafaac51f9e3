import { TOPICS } from '@app/contracts';
import type { ServiceEntry } from '../../apps/gateway/src/registry';

/**
 * Secrets a service's code asks for beyond what its services.json entry
 * implies. prescription computes patient pseudonyms and encrypts identities;
 * audit-ledger signs tree
 * heads. A new service adds itself here only if it uses such a key; a data
 * key it declares in services.json (`dataKeys`) needs no line here.
 */
const OWN_KEYS: Record<string, string[]> = {
  prescription: ['PSEUDONYM_SECRET'],
  'audit-ledger': ['LEDGER_SIGNING_KEY'],
};

/**
 * The keys of `<name>-secrets` (k8s/secret.template.yaml), sorted: what the
 * service's own process needs and nothing more.
 * - DATABASE_URL (its runtime role) and ANSWER_ENCRYPTION_KEY (remembered
 *   Idempotency-Key answers are encrypted under a key derived from it) with a schema;
 * - AUDIT_SIGNING_KEY when it writes audit entries;
 * - PATIENT_MASTER_KEYS when it holds patient keys (`"patientKeys": "holder"`):
 *   it unwraps them; the eraser destroys keys without ever unwrapping one.
 * - the data keys its entry declares (`dataKeys`: TEXT_ENCRYPTION_KEY when it
 *   seals free text under its own text key).
 * Kafka credentials come from its KafkaUser's Secret, not from this one.
 */
export function expectedSecretKeys(service: ServiceEntry): string[] {
  const keys = [
    ...(service.schema ? ['DATABASE_URL', 'ANSWER_ENCRYPTION_KEY'] : []),
    ...(service.topics.publishes.includes(TOPICS.auditEntries) ? ['AUDIT_SIGNING_KEY'] : []),
    ...(service.patientKeys === 'holder' ? ['PATIENT_MASTER_KEYS'] : []),
    ...(service.dataKeys ?? []),
    ...(OWN_KEYS[service.name] ?? []),
  ];
  return [...new Set(keys)].sort();
}

/**
 * The Secrets of the patient keys schema (k8s/patient-keys.yaml), no
 * service's: its owner's URL for the Job that migrates it and renews its
 * grants, and the rotator's URL with the master keys for `rotate-keys`.
 */
export const PATIENT_KEYS_SECRETS: Record<string, { keys: string[]; role: 'owner' | 'runtime' }> = {
  'patient-keys-migration': { keys: ['DATABASE_URL'], role: 'owner' },
  'patient-keys-rotator': { keys: ['DATABASE_URL', 'PATIENT_MASTER_KEYS'], role: 'runtime' },
};
