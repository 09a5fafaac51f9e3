import { CommandPipeline, systemContext } from '@app/event-sourcing';
import { parisDate } from '@app/fr-health';
import { CLOCK, actOnEachDue, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { EnrolmentAggregate } from '../commands/enrolment.aggregate';
import { lowObservanceMonths, observanceOf } from '../domain/transmissions';
import { SweepCandidatesRepository } from '../transmissions/sweep-candidates.repository';

export const OBSERVANCE_SWEEP_JOB = 'record-low-observance';
export const OBSERVANCE_SWEEP_SCHEDULER_ID = 'low-observance-every-minute';
export const OBSERVANCE_SWEEP_ACTOR = 'system:observance-sweep';

/** Months 1 and 2 are over within two calendar months and a day of the activation: a margin past that. */
const WINDOW_MS = 95 * 86_400_000;

/**
 * Tells the prescriber (ObservanceLow) when month 1 or 2 of monitoring ended
 * with data on fewer than half its days, on the platform clock. Only the
 * enrolments activated in the last ~3 months are looked at, the months
 * already told about are skipped before any read of days, and the decider
 * records each month once whatever the replicas do.
 */
@Injectable()
export class ObservanceSweep implements JobHandler<{ recorded: string[] }> {
  private readonly logger = new Logger(ObservanceSweep.name);

  constructor(
    private readonly candidates: SweepCandidatesRepository,
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: EnrolmentAggregate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ recorded: string[] }> {
    const context = systemContext(OBSERVANCE_SWEEP_ACTOR, this.clock.now(), uuidv7());
    const today = parisDate(context.now);
    const since = new Date(context.now.getTime() - WINDOW_MS).toISOString();
    const recorded: string[] = [];
    for (const candidate of await this.candidates.dueForObservance(since)) {
      const over = observanceOf({ activatedAt: candidate.activatedAt, daysWithData: [], today }).filter(
        (month) => today > month.to && !candidate.recordedMonths.includes(month.month),
      );
      if (over.length === 0) continue;
      const days = await this.candidates.daysWithData(candidate.enrolmentId, over[0].from, over[over.length - 1].to);
      const low = lowObservanceMonths(observanceOf({ activatedAt: candidate.activatedAt, daysWithData: days, today }), today).filter((month) =>
        over.some((o) => o.month === month.month),
      );
      const done = await actOnEachDue(
        low.map((month) => String(month.month)),
        (month) => {
          const { from, to, daysWithData, days: count } = low.find((m) => String(m.month) === month)!;
          return this.pipeline.run(this.aggregate, {
            streamId: candidate.enrolmentId,
            command: { type: 'RecordObservanceLow', month: Number(month) as 1 | 2, from, to, daysWithData, days: count, now: context.now },
            context,
          });
        },
        (month, refusal) => this.logger.warn(`observance of month ${month} of enrolment ${candidate.enrolmentId} not recorded: ${refusal.code}`),
      );
      if (done.length > 0) recorded.push(candidate.enrolmentId);
    }
    if (recorded.length > 0) this.logger.log(`told the prescribers of ${recorded.length} enrolment(s) of a low observance`);
    return { recorded };
  }
}
