import type { SealedTextV1 } from '@app/contracts';
import { gcmOpen, gcmSeal, openTextWith, sealTextWith } from '@app/fr-health';
import { createHash, hkdfSync } from 'node:crypto';
import type { ServiceTextSealer } from '../patient-keys/patient-keyring';

const FORMAT = 'st1';
const TOKEN = /^st1\.([0-9a-f]{16})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/**
 * Free text about no patient (an evaluator's reason, a certification's
 * notes), kept by the service that received it for disclosure: AES-256-GCM
 * under a key derived from TEXT_ENCRYPTION_KEY for this service alone (two
 * services given the same key still cannot open each other's texts). The
 * ciphertext opens to the JSON `{ salt, text }` whose commitment the audit
 * entry holds, and reads
 *
 *   st1.<key id>.<iv>.<tag>.<ciphertext>     (base64url parts)
 *
 * `st1` is the format; the key id (16 hex of a hash of the derived key, which
 * tells nothing of it) names the key, so a text written under a key this
 * service no longer holds says so instead of failing as tampered. The
 * associated data is the caller's (its row and field, e.g.
 * `device:<id>#suspension.reason`) behind the format and key id: the same
 * ciphertext under another row, field or key label does not open.
 */
export class AesServiceTextSealer implements ServiceTextSealer {
  private readonly key: Buffer;
  readonly keyId: string;

  constructor(textEncryptionKeyHex: string, service: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(textEncryptionKeyHex)) throw new Error('TEXT_ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes)');
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(textEncryptionKeyHex, 'hex'), 'service-texts', service, 32));
    this.keyId = createHash('sha256').update('service-text-key-id').update(this.key).digest('hex').slice(0, 16);
  }

  sealText(text: string, aad: string): SealedTextV1 {
    // The same sealed-text shape and cipher as a patient's texts (libs/fr-health privacy), under this service's key.
    return sealTextWith(text, (json) => {
      const { iv, tag, ciphertext } = gcmSeal(this.key, Buffer.from(json, 'utf8'), this.associatedData(aad), 'service text');
      return [FORMAT, this.keyId, ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
    });
  }

  /** Throws when the ciphertext is malformed, under another key, moved to another row or field, or tampered with. */
  openText({ ciphertext }: Pick<SealedTextV1, 'ciphertext'>, aad: string): { text: string; salt: string } {
    return openTextWith(ciphertext, (token) => {
      const parsed = TOKEN.exec(token);
      if (!parsed) throw new Error(`a service text must be '${FORMAT}.<key id>.<iv>.<tag>.<ciphertext>'`);
      const [, keyId, iv, tag, body] = parsed;
      if (keyId !== this.keyId) throw new Error(`the text was sealed under text key ${keyId}; this service holds ${this.keyId}`);
      const parts = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ciphertext: Buffer.from(body, 'base64url') };
      return gcmOpen(this.key, parts, this.associatedData(aad), 'the service text').toString('utf8');
    });
  }

  private associatedData(aad: string): string {
    if (typeof aad !== 'string' || aad.length === 0) throw new Error('a service text needs its associated data (row and field)');
    return `${FORMAT}.${this.keyId}|${aad}`;
  }
}
