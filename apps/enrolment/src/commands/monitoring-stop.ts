import { systemContext, type CommandRequest, type CommandUnit } from '@app/event-sourcing';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { EnrolmentCommand } from '../domain/enrolment.commands';
import { expectedIntervalOf, identify, planMonitoringStop } from '../domain/transmissions';
import { SILENCE_INTERVALS, type SilenceIntervals } from '../enrolment.settings';
import type { StoredEnrolmentView } from '../projections/enrolment-view';
import { SilencesRepository } from '../transmissions/silences.repository';
import { TransmissionMarksRepository } from '../transmissions/transmission-marks.repository';
import { EnrolmentAggregate } from './enrolment.aggregate';
import { SilenceIncidents } from './silence-incidents';

/** What the platform does to a silence because monitoring stopped is audited under it. */
export const MONITORING_STOP_ACTOR = 'system:monitoring-stop';

/**
 * Every step on an enrolment goes through here (EnrolmentSteps, the
 * reactions, the end sweep): when the step stops monitoring (a suspension,
 * the end: the read model sets the marks' `stopped_at`), the silence in
 * progress ends with it, in the same transaction, its incident closed or
 * withdrawn by a follow-up command (an event and an audit entry each, under
 * the platform's actor, in the step's conversation).
 *
 * The marks are locked BEFORE the step: a stop then serialises with a
 * transmissions batch and the silence sweep (both lock the marks first,
 * then decide on the stream: one order, no deadlock), and what the marks
 * were before tells whether this very step stopped monitoring (a step on an
 * enrolment already stopped, or never activated, has nothing to end).
 */
@Injectable()
export class MonitoringStop {
  constructor(
    private readonly aggregate: EnrolmentAggregate,
    private readonly marks: TransmissionMarksRepository,
    private readonly silences: SilencesRepository,
    private readonly incidents: SilenceIncidents,
    @Inject(SILENCE_INTERVALS) private readonly intervals: SilenceIntervals,
  ) {}

  /** unit.execute on the Enrolment aggregate, then the stop of monitoring it caused, if it did. */
  async execute(unit: CommandUnit, request: CommandRequest<EnrolmentCommand>): Promise<StoredEnrolmentView> {
    const enrolmentId = request.streamId;
    const before = await this.marks.lockFor(unit.tx, enrolmentId);
    const view = await unit.execute(this.aggregate, request);
    if (!before || before.stoppedAt !== null) return view;
    const after = await this.marks.lockFor(unit.tx, enrolmentId);
    if (!after?.stoppedAt) return view;
    const plan = identify(
      planMonitoringStop({
        marks: after,
        ongoing: await this.silences.ongoingOf(unit.tx, enrolmentId),
        at: after.stoppedAt,
        intervalMs: expectedIntervalOf(after.monitoringMode, this.intervals),
      }),
      uuidv7,
    );
    await this.silences.apply(unit.tx, enrolmentId, plan.silences);
    const { context } = request;
    const followed = await this.incidents.apply(unit, enrolmentId, plan.incidents, systemContext(MONITORING_STOP_ACTOR, context.now, context.correlationId, context.causationId));
    return followed ?? view;
  }
}
