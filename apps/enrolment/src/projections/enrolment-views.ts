import type { Transaction } from '@app/event-sourcing';
import { addDays, addMonths, parisDate } from '@app/fr-health';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { observanceOf } from '../domain/transmissions';
import { TransmissionSummaryRepository } from '../transmissions/transmission-summary.repository';
import type { EnrolmentView, StoredEnrolmentView } from './enrolment-view';

/**
 * An enrolment as it is answered: its stored resource, and what its
 * transmissions say now (the last one, the observance of the first two
 * months), which change without a step of the enrolment. One statement for a
 * page, in the step's transaction when there is one.
 */
@Injectable()
export class EnrolmentViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transmissions: TransmissionSummaryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async complete(stored: StoredEnrolmentView, tx?: Transaction): Promise<EnrolmentView> {
    const [view] = await this.completeAll([stored], tx);
    return view;
  }

  async completeAll(stored: StoredEnrolmentView[], tx?: Transaction): Promise<EnrolmentView[]> {
    // Months 1 and 2: from the activation's day to the day before the same day two months later.
    const windows = stored.flatMap(({ id, activatedAt }) => {
      if (!activatedAt) return [];
      const from = parisDate(new Date(activatedAt));
      return [{ enrolmentId: id, from, to: addDays(addMonths(from, 2), -1) }];
    });
    const summaries = await this.transmissions.summariesOf(tx ?? this.dataSource.manager, windows);
    const today = parisDate(this.clock.now());
    return stored.map((one) => {
      const summary = summaries.get(one.id);
      if (!one.activatedAt || !summary) return one;
      const observance = observanceOf({ activatedAt: one.activatedAt, daysWithData: summary.daysWithData, today });
      return { ...one, ...(summary.lastAt ? { lastTransmissionAt: summary.lastAt } : {}), observance };
    });
  }
}
