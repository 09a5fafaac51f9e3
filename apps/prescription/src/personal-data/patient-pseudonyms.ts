import { patientPseudonym } from '@app/fr-health';
import { PLATFORM_CONFIG, requireDataKey, type PlatformConfig } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';

/** The NIR becomes the pseudonym events, slots, tokens and audit entries join on: the service holds PSEUDONYM_SECRET for that alone. */
@Injectable()
export class PatientPseudonyms {
  private readonly secret: string;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.secret = requireDataKey(config, 'PSEUDONYM_SECRET');
  }

  of(nir: string): string {
    return patientPseudonym(nir, this.secret);
  }
}
