import { decryptField, encryptField, isEncryptedField } from '@app/fr-health';
import { hkdfSync } from 'node:crypto';

/**
 * Remembered answers hold what the first request was answered, personal data
 * included (a prescriber gets the patient's NIR back): they are stored
 * encrypted (AES-256-GCM), under a key derived from ANSWER_ENCRYPTION_KEY for
 * this service's answers only, and never in clear in the table. Not the
 * identity key: a service that holds no identity (device certification, the
 * ledger) must not hold the key that decrypts patients' identities.
 */
export class AnswerCipher {
  private readonly key: Buffer;

  constructor(answerEncryptionKeyHex: string, service: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(answerEncryptionKeyHex, 'hex'), 'idempotency-answers', service, 32));
  }

  seal(answer: unknown): string {
    return encryptField(JSON.stringify(answer ?? null), this.key);
  }

  /** Rows written before answers were encrypted hold the plain JSON: read as they are. */
  open(stored: unknown): unknown {
    return isEncryptedField(stored) ? JSON.parse(decryptField(stored, this.key)) : stored;
  }
}
