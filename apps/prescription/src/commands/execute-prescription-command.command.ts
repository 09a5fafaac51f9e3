import type { Actor } from '@app/contracts';
import { Command } from '@nestjs/cqrs';
import type { PrescriptionCommand } from '../domain/prescription.commands';
import type { PrescriptionView } from '../projections/prescription-view';

/**
 * A step of an existing prescription (cancellation, expiry): one path for the
 * HTTP controllers and the expiry job. `prescriberRpps` set means "only if
 * the caller is its prescriber", checked before anything is revealed.
 */
export class ExecutePrescriptionCommand extends Command<PrescriptionView> {
  constructor(
    readonly prescriptionId: string,
    readonly command: Exclude<PrescriptionCommand, { type: 'IssuePrescription' }>,
    readonly actor: Actor,
    readonly correlationId: string,
    readonly prescriberRpps: string | null = null,
  ) {
    super();
  }
}
