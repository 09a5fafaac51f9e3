import { CommandPipeline, systemContext, type CommandContext } from '@app/event-sourcing';
import { CLOCK, actOnEachDue, type Clock, type JobHandler } from '@app/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SilenceIncidents } from '../commands/silence-incidents';
import { expectedIntervalOf, planSweep } from '../domain/transmissions';
import { SILENCE_INTERVALS, type SilenceIntervals } from '../enrolment.settings';
import { SilencesRepository } from '../transmissions/silences.repository';
import { SweepCandidatesRepository } from '../transmissions/sweep-candidates.repository';
import { TransmissionMarksRepository } from '../transmissions/transmission-marks.repository';

export const SILENCE_SWEEP_JOB = 'open-silence-incidents';
export const SILENCE_SWEEP_SCHEDULER_ID = 'silence-incidents-every-minute';
export const SILENCE_SWEEP_ACTOR = 'system:silence-sweep';

/** At most this many rounds of candidates a run (each round one page): the next minute's run takes the rest. */
const MAX_ROUNDS = 10;
const PAGE = 100;

/**
 * Opens, on the platform clock, the connectivity incident of every silence
 * in progress: a monitored enrolment whose last transmission (or start of
 * monitoring) is more than its mode's interval ago gets its ongoing silence
 * and an open incident from then plus the interval (`openedBy: system`,
 * cause UNKNOWN). Each enrolment in its own transaction, its marks locked
 * (a batch arriving meanwhile either went first, and nothing is due, or
 * waits and then ends the silence the sweep opened).
 */
@Injectable()
export class SilenceSweep implements JobHandler<{ opened: string[] }> {
  private readonly logger = new Logger(SilenceSweep.name);

  constructor(
    private readonly candidates: SweepCandidatesRepository,
    private readonly marks: TransmissionMarksRepository,
    private readonly silences: SilencesRepository,
    private readonly incidents: SilenceIncidents,
    private readonly pipeline: CommandPipeline,
    @Inject(SILENCE_INTERVALS) private readonly intervals: SilenceIntervals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ opened: string[] }> {
    const context = systemContext(SILENCE_SWEEP_ACTOR, this.clock.now(), uuidv7());
    const now = context.now.toISOString();
    const opened: string[] = [];
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const due = await this.candidates.dueForSilence(now, this.intervals, PAGE);
      const before = opened.length;
      await actOnEachDue(
        due.map((marks) => marks.enrolmentId),
        async (enrolmentId) => {
          if (await this.open(enrolmentId, context)) opened.push(enrolmentId);
        },
        (enrolmentId, refusal) => this.logger.warn(`silence of enrolment ${enrolmentId} not opened: ${refusal.code}`),
      );
      // A page short of full, or one where nothing could be opened: nothing more is due now.
      if (due.length < PAGE || opened.length === before) break;
    }
    if (opened.length > 0) this.logger.log(`opened the silence incident of ${opened.length} enrolment(s)`);
    return { opened };
  }

  /** True when this run opened it (false: a batch or another replica's sweep got there first). */
  private open(enrolmentId: string, context: CommandContext): Promise<boolean> {
    return this.pipeline.transaction(async (unit) => {
      const marks = await this.marks.lockFor(unit.tx, enrolmentId);
      if (!marks) return false;
      const ongoing = await this.silences.ongoingOf(unit.tx, enrolmentId);
      const plan = planSweep({ marks, hasOngoingSilence: ongoing !== null, now: context.now.toISOString(), intervalMs: expectedIntervalOf(marks.monitoringMode, this.intervals) });
      if (!plan) return false;
      const incidentId = uuidv7();
      if (!(await this.silences.openOngoing(unit.tx, enrolmentId, { id: uuidv7(), fromAt: plan.silence.fromAt, incidentId }))) return false;
      await this.incidents.apply(unit, enrolmentId, { open: [{ incidentId, ...plan.incident }], update: [], withdraw: [] }, context);
      return true;
    });
  }
}
