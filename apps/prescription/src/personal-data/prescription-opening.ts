import { ERASED, type Erased, type PatientIdentityV1, type SealedTextV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { PATIENT_KEYRING, type PatientKeyring, type PatientOpener } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { maySeeIdentity, mayReadTexts, type PrescriptionViewer } from '../domain/prescription-visibility';
import type { PrescriptionRow } from '../projections/prescriptions.repository';
import type { IdentityView, PrescriptionView } from '../projections/prescription-view';
import { cancellationReasonAad, identityAad, justificationAad } from '../domain/prescription-fields';

/** This service's part of a patient's export: what it holds about them, for them. */
export interface PatientExportPart {
  identity: IdentityView | null;
  prescriptions: PrescriptionView[];
}

const ERASED_IDENTITY: IdentityView = { nir: ERASED, birthDate: ERASED, familyName: ERASED, givenNames: ERASED, sex: ERASED };

/**
 * The one place a prescription's personal data is decrypted for a caller:
 * the identity for its prescriber alone, free text for its prescriber and
 * auditors (who also read it in dossiers); others get neither. Once the
 * patient is erased every one of those fields reads "erased".
 */
@Injectable()
export class PrescriptionOpening {
  constructor(@Inject(PATIENT_KEYRING) private readonly keyring: PatientKeyring) {}

  /** `tx`: the step's own transaction, when the view answers a command (a first key is only visible in it). */
  async viewFor(viewer: PrescriptionViewer, row: PrescriptionRow, tx?: Transaction): Promise<PrescriptionView> {
    const [view] = await this.viewsFor(viewer, [row], tx);
    return view;
  }

  /** The answer of a command: opened with the keys its step sealed with (PrescriptionSeals.opener), no second read of them. */
  viewWith(viewer: PrescriptionViewer, row: PrescriptionRow, opener: PatientOpener): PrescriptionView {
    const may = rightsOf(viewer, row);
    return openView(row, (may.identity || may.texts) && !row.erased ? opener : null, may);
  }

  /** The patient reads all of it: their identity as the latest prescription holds it, and every text. */
  async exportFor(pseudonym: string, rows: PrescriptionRow[]): Promise<PatientExportPart> {
    const opener = rows.some((row) => !row.erased) ? await this.keyring.openerFor(pseudonym) : null;
    const prescriptions = rows.map((row) => openView(row, row.erased ? null : opener, { identity: true, texts: true }));
    const latest = prescriptions.at(-1);
    const identity = latest ? identityFields(latest.patient) : null;
    return { identity, prescriptions };
  }

  async viewsFor(viewer: PrescriptionViewer, rows: PrescriptionRow[], tx?: Transaction): Promise<PrescriptionView[]> {
    const openers = new Map<string, Promise<PatientOpener>>();
    const openerOf = (pseudonym: string) => {
      if (!openers.has(pseudonym)) openers.set(pseudonym, this.keyring.openerFor(pseudonym, tx));
      return openers.get(pseudonym)!;
    };
    return Promise.all(
      rows.map(async (row) => {
        const may = rightsOf(viewer, row);
        const opener = (may.identity || may.texts) && !row.erased ? await openerOf(row.resource.patient.pseudonym) : null;
        return openView(row, opener, may);
      }),
    );
  }
}

function rightsOf(viewer: PrescriptionViewer, row: PrescriptionRow): { identity: boolean; texts: boolean } {
  const identity = maySeeIdentity(viewer, row.prescriberRpps);
  return { identity, texts: identity || mayReadTexts(viewer) };
}

/** `opener` null with a right to read: the patient was erased. */
function openView(row: PrescriptionRow, opener: PatientOpener | null, may: { identity: boolean; texts: boolean }): PrescriptionView {
  const stored = row.resource;
  const id = `prescription:${stored.id}` as const;
  const text = (sealed: SealedTextV1, aad: string): string | Erased => {
    if (!opener) return ERASED;
    const opened = opener.openText(sealed, aad);
    return opened === ERASED ? ERASED : opened.text;
  };
  const { overrides, cancellation, patient, ...rest } = stored;
  return {
    ...rest,
    patient: may.identity ? { ...patient, ...identityOf(row, opener, identityAad(id)) } : patient,
    overrides: overrides.map(({ ruleId, justification }) =>
      may.texts ? { ruleId, justification: text(justification, justificationAad(id, ruleId)) } : { ruleId },
    ),
    cancellation: cancellation && {
      cancelledAt: cancellation.cancelledAt,
      ...(may.texts ? { reason: text(cancellation.reason, cancellationReasonAad(id)) } : {}),
    },
  };
}

const identityFields = ({ nir, birthDate, familyName, givenNames, sex }: Partial<IdentityView>): IdentityView => ({
  nir: nir ?? ERASED,
  birthDate: birthDate ?? ERASED,
  ...(familyName !== undefined ? { familyName } : {}),
  ...(givenNames !== undefined ? { givenNames } : {}),
  ...(sex !== undefined ? { sex } : {}),
});

function identityOf(row: PrescriptionRow, opener: PatientOpener | null, aad: string): IdentityView {
  if (!opener || row.identityEncrypted === null) return ERASED_IDENTITY;
  const plaintext = opener.decrypt(row.identityEncrypted, aad);
  if (plaintext === ERASED) return ERASED_IDENTITY;
  return JSON.parse(plaintext) as PatientIdentityV1;
}

