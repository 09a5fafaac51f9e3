import { TOPICS } from '@app/contracts';
import { DeciderCommandRunner } from '@app/event-sourcing';
import { OutboxSignal } from '@app/messaging';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { prescriptionAuditDraft } from '../domain/prescription.audit';
import { prescriptionDecider } from '../domain/prescription.decider';
import { PrescriptionErrors } from '../domain/prescription.errors';
import { PrescriptionReadModel } from '../projections/prescription-read-model.projection';
import type { PrescriptionView } from '../projections/prescription-view';
import { ExecutePrescriptionCommand } from './execute-prescription-command.command';

@CommandHandler(ExecutePrescriptionCommand)
export class ExecutePrescriptionCommandHandler implements ICommandHandler<ExecutePrescriptionCommand, PrescriptionView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: DeciderCommandRunner,
    private readonly outboxSignal: OutboxSignal,
  ) {}

  async execute({ prescriptionId, command, actor, correlationId, prescriberRpps }: ExecutePrescriptionCommand): Promise<PrescriptionView> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT prescriber_rpps FROM prescriptions WHERE id = $1', [prescriptionId])) as Array<{
        prescriber_rpps: string;
      }>;
      // Another physician learns nothing of the prescription: 404, as for a read.
      if (!row || (prescriberRpps !== null && row.prescriber_rpps !== prescriberRpps)) throw PrescriptionErrors.notFound(prescriptionId);
      const result = await this.runner.run({
        manager,
        decider: prescriptionDecider,
        command,
        streamId: prescriptionId,
        streamType: 'prescription',
        topic: TOPICS.prescription,
        context: { actor, correlationId, causationId: null, now: command.now },
        audit: ({ events, state }) => prescriptionAuditDraft(prescriptionId, events, state, actor),
      });
      await PrescriptionReadModel.apply(manager, result.state, result.version, command.now.toISOString());
    });
    this.outboxSignal.notify();
    const [row] = (await this.dataSource.query('SELECT resource FROM prescriptions WHERE id = $1', [prescriptionId])) as Array<{
      resource: PrescriptionView;
    }>;
    return row.resource;
  }
}
