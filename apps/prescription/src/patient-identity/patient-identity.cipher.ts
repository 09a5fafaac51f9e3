import { decryptField, encryptField, parseEncryptionKey, patientPseudonym, validateNir } from '@app/fr-health';
import { PLATFORM_CONFIG, requireDataKey, type PlatformConfig } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';

export interface PatientIdentity {
  nir: string;
  birthDate: string;
}

/** The only place the NIR is handled in clear: pseudonymised for keys, encrypted for storage and events. */
@Injectable()
export class PatientIdentityCipher {
  private readonly key: Buffer;
  private readonly secret: string;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.key = parseEncryptionKey(requireDataKey(config, 'IDENTITY_ENCRYPTION_KEY'));
    this.secret = requireDataKey(config, 'PSEUDONYM_SECRET');
  }

  pseudonymOf(nir: string): string {
    return patientPseudonym(nir, this.secret);
  }

  encrypt(identity: PatientIdentity): string {
    const checked = validateNir(identity.nir);
    const nir = checked.ok ? checked.nir : identity.nir;
    return encryptField(JSON.stringify({ nir, birthDate: identity.birthDate }), this.key);
  }

  decrypt(token: string): PatientIdentity {
    return JSON.parse(decryptField(token, this.key)) as PatientIdentity;
  }
}
