import type { Principal } from '@app/auth';
import { Command } from '@nestjs/cqrs';
import type { PrescriptionView } from '../../projections/prescription-view';
import type { PrescriptionRequestDto } from './prescription.request.dto';

/** A physician's request to issue (or renew) a prescription. */
export class IssuePrescription extends Command<PrescriptionView> {
  constructor(
    readonly request: PrescriptionRequestDto,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {
    super();
  }
}
