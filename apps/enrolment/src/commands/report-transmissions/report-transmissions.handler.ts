import { CommandPipeline } from '@app/event-sourcing';
import { invalidRequest } from '@app/service-kit';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import { expectedIntervalOf, identify, planTransmissions, transmissionDaysOf } from '../../domain/transmissions';
import { SILENCE_INTERVALS, type SilenceIntervals } from '../../enrolment.settings';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { SilencesRepository } from '../../transmissions/silences.repository';
import { TransmissionDaysRepository } from '../../transmissions/transmission-days.repository';
import { TransmissionMarksRepository } from '../../transmissions/transmission-marks.repository';
import { SilenceIncidents } from '../silence-incidents';
import { viewerOf } from '../../principals/enrolment-viewer';
import { ReportTransmissionsCommand, type TransmissionsAccepted } from './report-transmissions.command';

/**
 * A batch of what the device sent. In one transaction: the enrolment's
 * marks locked (one row: batches and the sweep of one enrolment take turns,
 * other enrolments never wait), the silences the batch may touch read, the
 * plan made, the days, silences and marks written (a handful of statements
 * whatever the batch's size), then one command per incident the batch
 * opens, moves or withdraws: those are audited, the transmissions are not.
 */
@CommandHandler(ReportTransmissionsCommand)
export class ReportTransmissionsHandler implements ICommandHandler<ReportTransmissionsCommand, TransmissionsAccepted> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly enrolments: EnrolmentsRepository,
    private readonly marks: TransmissionMarksRepository,
    private readonly silences: SilencesRepository,
    private readonly days: TransmissionDaysRepository,
    private readonly incidents: SilenceIncidents,
    @Inject(SILENCE_INTERVALS) private readonly intervals: SilenceIntervals,
  ) {}

  execute({ input: { enrolmentId, items, by }, context }: ReportTransmissionsCommand): Promise<TransmissionsAccepted> {
    const instants = items.map((item) => new Date(item.at).toISOString());
    const future = instants.findIndex((instant) => Date.parse(instant) > context.now.getTime());
    if (future >= 0) {
      const field = `items[${future}].at`;
      throw invalidRequest([{ field, code: 'IN_FUTURE', message: `${field} must not be in the future` }]);
    }
    return this.pipeline.transaction(async (unit) => {
      const { tx } = unit;
      if (!(await this.enrolments.findVisible(enrolmentId, viewerOf(by), tx))) throw EnrolmentErrors.notFound(enrolmentId);
      const marks = await this.marks.lockFor(tx, enrolmentId);
      if (!marks) throw EnrolmentErrors.notActivated();
      const plan = planTransmissions({
        marks,
        silences: await this.silences.touchableBy(tx, enrolmentId, instants),
        instants,
        intervalMs: expectedIntervalOf(marks.monitoringMode, this.intervals),
      });
      const { silences, incidents } = identify(plan, uuidv7);
      await this.days.add(tx, enrolmentId, transmissionDaysOf(plan.accepted));
      await this.silences.apply(tx, enrolmentId, silences);
      await this.marks.save(tx, enrolmentId, plan.marks);
      await this.incidents.apply(unit, enrolmentId, incidents, context);
      return { accepted: plan.accepted.length, latestAt: plan.marks.lastAt };
    });
  }
}
