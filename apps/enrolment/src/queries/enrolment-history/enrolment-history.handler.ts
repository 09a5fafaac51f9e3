import { EventStore } from '@app/event-sourcing';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentErrors } from '../../domain/enrolment.errors';
import type { EnrolmentEvent } from '../../domain/enrolment.state';
import { EnrolmentSealing } from '../../personal-data/enrolment-sealing';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { EnrolmentHistoryQuery, type EnrolmentHistoryItem } from './enrolment-history.query';
import { historyData } from './history-data';

/** The enrolment's own events, for whoever may see it (the same 404 otherwise), their reasons opened. */
@QueryHandler(EnrolmentHistoryQuery)
export class EnrolmentHistoryHandler implements IQueryHandler<EnrolmentHistoryQuery, { items: EnrolmentHistoryItem[] }> {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly store: EventStore,
    private readonly sealing: EnrolmentSealing,
  ) {}

  async execute({ enrolmentId, viewer }: EnrolmentHistoryQuery): Promise<{ items: EnrolmentHistoryItem[] }> {
    const row = await this.enrolments.findVisible(enrolmentId, viewer);
    if (!row) throw EnrolmentErrors.notFound(enrolmentId);
    const { pseudonym } = row.resource.patient;
    const { events } = await this.store.readStream(enrolmentId);
    const items: EnrolmentHistoryItem[] = [];
    for (const { type, version, occurredAt, metadata, data } of events) {
      const event = { type, data } as EnrolmentEvent;
      const opened = await historyData(event, (step, at, sealed) => this.sealing.openReason(pseudonym, enrolmentId, step, at, sealed));
      items.push({ type, version, occurredAt, actor: metadata.actor, data: opened });
    }
    return { items };
  }
}
