import type { Principal } from '@app/auth';
import { UseCaseCommand } from '@app/event-sourcing';
import type { PrescriptionView } from '../../projections/prescription-view';

export class CancelPrescriptionCommand extends UseCaseCommand<{ prescriptionId: string; reason: string; prescriber: Principal }, PrescriptionView> {}
