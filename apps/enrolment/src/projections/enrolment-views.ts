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
 * months), which change without a step of the enrolment. One statement per
 * enrolment, in the step's transaction when there is one.
 */
@Injectable()
export class EnrolmentViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transmissions: TransmissionSummaryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async complete(stored: StoredEnrolmentView, tx?: Transaction): Promise<EnrolmentView> {
    if (!stored.activatedAt) return stored;
    const start = parisDate(new Date(stored.activatedAt));
    // Months 1 and 2: from the activation's day to the day before the same day two months later.
    const summary = await this.transmissions.summaryOf(tx ?? this.dataSource.manager, stored.id, start, addDays(addMonths(start, 2), -1));
    const observance = observanceOf({ activatedAt: stored.activatedAt, daysWithData: summary.daysWithData, today: parisDate(this.clock.now()) });
    return { ...stored, ...(summary.lastAt ? { lastTransmissionAt: summary.lastAt } : {}), observance };
  }

  async completeAll(stored: StoredEnrolmentView[]): Promise<EnrolmentView[]> {
    return Promise.all(stored.map((one) => this.complete(one)));
  }
}
