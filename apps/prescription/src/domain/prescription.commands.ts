import type { SealedTextV1 } from '@app/contracts';
import type { DeviceFacts } from './device-facts/certification-fact';
import type { Evaluation, Override } from './evaluation/evaluation.types';
import type { PrescriptionIssuedData } from './prescription.events';

/** Commands carry the time and every fact the decision needs: the decider reads no clock, store or token. */
interface Base {
  now: Date;
}

export type IssuePrescriptionCommand = Base & {
  type: 'IssuePrescription';
  evaluation: Evaluation;
  requestedOverrides: Override[];
  /** Each requested override's justification sealed under the patient's key, by rule: what the event records. */
  sealedJustifications: Record<string, SealedTextV1>;
  device: DeviceFacts | null;
  prescription: Omit<PrescriptionIssuedData, 'referentialVersion' | 'evaluation' | 'overrides' | 'deviceCertification' | 'issuedAt'>;
};

export type PrescriptionCommand =
  | IssuePrescriptionCommand
  | (Base & { type: 'CancelPrescription'; reason: SealedTextV1; actorRpps: string | undefined })
  | (Base & { type: 'ExpirePrescription'; today: string });
