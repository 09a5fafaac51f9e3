import { Injectable } from '@nestjs/common';
import { maySeeIdentity, type PrescriptionViewer } from '../domain/prescription-visibility';
import type { PrescriptionRow } from '../projections/prescriptions.repository';
import type { PrescriptionView } from '../projections/prescription-view';
import { PatientIdentityCipher } from './patient-identity.cipher';

/** The one place a prescription's patient identity is decrypted for a caller: its prescriber, and nobody else. */
@Injectable()
export class IdentityDisclosure {
  constructor(private readonly identity: PatientIdentityCipher) {}

  viewFor(viewer: PrescriptionViewer, row: PrescriptionRow): PrescriptionView {
    if (!maySeeIdentity(viewer, row.prescriberRpps)) return row.resource;
    const { nir, birthDate } = this.identity.decrypt(row.identityEncrypted);
    return { ...row.resource, patient: { ...row.resource.patient, nir, birthDate } };
  }
}
