import { assertMayAskForDisclosures, AuditDisclosuresRepository, type DisclosureCaller, mayReadDisclosure } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PATIENT_KEYRING, SERVICE_TEXT_SEALER, type PatientKeyring, type ServiceTextSealer } from '../patient-keys/patient-keyring';
import { openDisclosures, type OpenedDisclosure } from './open-disclosures';

/**
 * The texts of the service's audit entries a caller may read, opened. The
 * keys are looked up in the whole application, wherever the service provides
 * them (SERVICE_TEXT_SEALER with `serviceTexts`, PATIENT_KEYRING from its
 * patient keys): a service that holds no patient keyring can hold no
 * patient's text either.
 */
@Injectable()
export class AuditDisclosureReader {
  constructor(
    private readonly disclosures: AuditDisclosuresRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  async read(caller: DisclosureCaller, entryIds: readonly string[]): Promise<OpenedDisclosure[]> {
    assertMayAskForDisclosures(caller);
    const rows = (await this.disclosures.findByEntries([...new Set(entryIds)])).filter((row) => mayReadDisclosure(caller, row.readers));
    return openDisclosures(rows, {
      serviceTexts: this.find<ServiceTextSealer>(SERVICE_TEXT_SEALER),
      patientKeys: this.find<PatientKeyring>(PATIENT_KEYRING),
    });
  }

  private find<T>(token: symbol): T | undefined {
    try {
      return this.moduleRef.get<T>(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}
