import type { CommandContext, CommandUnit } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { EnrolmentCommand } from '../domain/enrolment.commands';
import type { IdentifiedIncidentChanges } from '../domain/transmissions';
import type { StoredEnrolmentView } from '../projections/enrolment-view';
import { EnrolmentAggregate } from './enrolment.aggregate';

/**
 * The incident changes silence detection planned (a batch, the sweep, a
 * stop of monitoring), each decided as its own command on the enrolment in
 * the caller's transaction: each is an event with its audit entry, the
 * transmissions that caused them are not (their volume is the operator's
 * platform's, not a decision).
 */
@Injectable()
export class SilenceIncidents {
  constructor(private readonly aggregate: EnrolmentAggregate) {}

  /** The enrolment after the last change, or null when there was none. */
  async apply(unit: CommandUnit, enrolmentId: string, changes: IdentifiedIncidentChanges, context: CommandContext): Promise<StoredEnrolmentView | null> {
    const now = context.now;
    const commands: EnrolmentCommand[] = [
      ...changes.update.map((u): EnrolmentCommand => ({
        type: 'MoveSilenceIncident',
        incidentId: u.incidentId,
        startedAt: new Date(u.startedAt),
        endedAt: u.endedAt === null ? null : new Date(u.endedAt),
        change: u.change,
        now,
      })),
      ...changes.open.map((o): EnrolmentCommand => ({
        type: 'OpenSilenceIncident',
        incidentId: o.incidentId,
        startedAt: new Date(o.startedAt),
        endedAt: o.endedAt === null ? null : new Date(o.endedAt),
        now,
      })),
      ...changes.withdraw.map((incidentId): EnrolmentCommand => ({ type: 'WithdrawSilenceIncident', incidentId, now })),
    ];
    let view: StoredEnrolmentView | null = null;
    for (const command of commands) view = await unit.execute(this.aggregate, { streamId: enrolmentId, command, context });
    return view;
  }
}
