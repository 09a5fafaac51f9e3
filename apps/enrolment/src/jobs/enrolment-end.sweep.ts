import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { parisDate } from '@app/fr-health';
import { CLOCK, actOnEachDue, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { MonitoringStop } from '../commands/monitoring-stop';
import { EnrolmentsRepository } from '../projections/enrolments.repository';
import { END_SWEEP_ACTOR } from './enrolment-end.queue';

/**
 * Ends every enrolment whose prescription in force ended before the platform
 * clock's date (Europe/Paris): monitoring lasts as long as the prescription,
 * whether or not prescription.events.v1 has said so yet. One command each, so
 * each end is an event with its audit entry; a renewal issued later reopens it.
 */
@Injectable()
export class EnrolmentEndSweep implements JobHandler<{ ended: string[] }> {
  private readonly logger = new Logger(EnrolmentEndSweep.name);

  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly pipeline: CommandPipeline,
    private readonly monitoring: MonitoringStop,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ ended: string[] }> {
    const context = systemContext(END_SWEEP_ACTOR, this.clock.now(), uuidv7());
    const today = parisDate(context.now);
    const due = await this.enrolments.dueForEnd(today);
    const prescriptionOf = new Map(due.map((row) => [row.id, row.prescriptionId]));
    const ended = await actOnEachDue(
      due.map((row) => row.id),
      (enrolmentId) =>
        this.pipeline.transaction((unit) =>
          this.monitoring.execute(unit, {
            streamId: enrolmentId,
            command: { type: 'EndWithPrescription', cause: 'PRESCRIPTION_EXPIRED', prescriptionId: prescriptionOf.get(enrolmentId)!, today, causedBy: null, now: context.now },
            context,
          }),
        ),
      (enrolmentId, refusal) => this.logger.warn(`enrolment ${enrolmentId} not ended: ${refusal.code}`),
    );
    if (ended.length > 0) this.logger.log(`ended ${ended.length} enrolment(s) with their prescription`);
    return { ended };
  }
}
