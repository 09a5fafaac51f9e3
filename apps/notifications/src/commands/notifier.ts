import type { EventEnvelope } from '@app/contracts';
import { CommandPipeline, systemContext, type Transaction } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { Concern } from '../domain/notification-concern';
import { notificationId } from '../domain/notification-id';
import type { NotificationRule } from '../domain/notification-rules';
import { recipientKey } from '../domain/recipient';
import { NotificationAggregate } from './notification.aggregate';

/** The event that carried a fact, as far as telling it needs. */
export type Fact = Pick<EventEnvelope<unknown>, 'id' | 'type' | 'streamId' | 'occurredAt' | 'correlationId'>;

/** The platform's actor when it tells someone a fact. */
export const NOTIFIER_ACTOR = 'system:notifications';

/**
 * Tells each concerned recipient the fact an event carried, in the
 * consumer's transaction (its inbox row, the notifications' events, audit
 * entries and outbox rows commit together). A notification's id comes from
 * the event and the recipient: a redelivery decides nothing new.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly aggregate: NotificationAggregate,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async tell(tx: Transaction, fact: Fact, rule: NotificationRule, concerns: Concern[]): Promise<void> {
    const now = this.clock.now();
    const unit = this.pipeline.within(tx);
    const context = systemContext(NOTIFIER_ACTOR, now, fact.correlationId, fact.id);
    for (const concern of concerns) {
      const id = notificationId(fact.id, concern.recipient, new Date(fact.occurredAt), concern.about);
      const notification = {
        notificationId: id,
        type: rule.notification,
        recipient: recipientKey(concern.recipient),
        subject: concern.subject,
        relatedSubjects: concern.relatedSubjects,
        message: concern.message,
        // Engaging is the prescriber's liability: an org told the same fact is informed, not engaged.
        engaging: rule.engaging && concern.recipient.kind === 'physician',
        fact: { eventId: fact.id, type: fact.type, streamId: fact.streamId },
        createdAt: now.toISOString(),
      };
      await unit.execute(this.aggregate, { streamId: id, command: { type: 'CreateNotification', notification }, context });
    }
  }
}
