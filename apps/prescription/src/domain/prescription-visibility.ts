/** What the visibility rule needs of the caller (a token's role and RPPS, or the platform itself). */
export interface PrescriptionViewer {
  role: string;
  rpps?: string;
  /** A patient's own pseudonym (their token's), for the reads that serve patients (the FHIR views, the export). */
  pseudonym?: string;
}

/** Roles that read prescriptions: a physician their own; auditors and admins all of them, without identity. */
export const READER_ROLES = ['physician', 'auditor', 'admin'] as const;

/**
 * THE rule of which prescriptions a caller may see, once: the prescriber's
 * RPPS a physician is limited to, or null for those who see every one (the
 * platform, auditors, admins). Whoever may not see one gets the 404 of a
 * missing one, for reads and commands alike.
 */
export const prescriberLimitOf = (viewer: PrescriptionViewer): string | null => (viewer.role === 'physician' ? (viewer.rpps ?? '') : null);

/**
 * The pseudonym a patient is limited to (their own; a token without one sees
 * nothing), or null for every other role. The JSON list and get routes do not
 * admit patients; the FHIR views do, as the export gives a patient their own.
 */
export const patientLimitOf = (viewer: PrescriptionViewer): string | null => (viewer.role === 'patient' ? (viewer.pseudonym ?? '') : null);

/** The patient's identity (NIR, birth date, INS traits) goes to the prescription's prescriber alone. */
export const maySeeIdentity = (viewer: PrescriptionViewer, prescriberRpps: string): boolean =>
  viewer.role === 'physician' && viewer.rpps !== undefined && viewer.rpps === prescriberRpps;

/** Free text (justifications, reasons) may name the patient: its prescriber and auditors read it, as in the dossier. */
export const mayReadTexts = (viewer: PrescriptionViewer): boolean => viewer.role === 'auditor';
