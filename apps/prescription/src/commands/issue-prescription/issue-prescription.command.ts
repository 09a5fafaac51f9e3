import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { PrescriptionRequestDto } from '../../evaluation/prescription.request.dto';
import type { PrescriptionView } from '../../projections/prescription-view';

/** A physician's request to issue (or renew) a prescription. */
export class IssuePrescriptionCommand extends UseCaseCommand<{ request: PrescriptionRequestDto; prescriber: Principal }, PrescriptionView> {}
