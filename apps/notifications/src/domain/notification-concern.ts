import type { Recipient } from './recipient';

/** One recipient's share of a fact: what their notification says and names. */
export interface Concern {
  recipient: Recipient;
  /** What the fact is about: `device:<id>`, `enrolment:<id>`, `claim:<id>`. */
  subject: string;
  /** The other subjects it touches: the prescription, the enrolment, the patient's pseudonym. */
  relatedSubjects: string[];
  message: string;
  /**
   * When one fact concerns a recipient several times (a device suspended
   * under two of their patients: one notification per prescription, each in
   * its dossier), what tells them apart.
   */
  about?: string;
}
