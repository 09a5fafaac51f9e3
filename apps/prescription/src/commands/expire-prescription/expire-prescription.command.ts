import { UseCaseCommand } from '@app/event-sourcing';

/** `today`: the platform clock's calendar date in Europe/Paris (YYYY-MM-DD). */
export class ExpirePrescriptionCommand extends UseCaseCommand<{ prescriptionId: string; today: string }, void> {}
