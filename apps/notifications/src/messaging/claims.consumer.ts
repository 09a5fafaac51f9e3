import { CLAIM_EVENTS_V1, type EventEnvelope } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Notifier } from '../commands/notifier';
import type { Concern } from '../domain/notification-concern';
import { messages } from '../domain/notification-messages';
import { ruleFor } from '../domain/notification-rules';
import { ClaimAudiencesRepository, type ClaimAudience } from '../projections/claim-audiences.repository';

export const CLAIMS_CONSUMER_PURPOSE = Symbol('CLAIMS_CONSUMER_PURPOSE');

/** claims.events.v1: each claim's payees, told when it is rejected or paid (a paid one with their own amount). */
@Injectable()
export class ClaimsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly claims: ClaimAudiencesRepository,
    private readonly notifier: Notifier,
    @Inject(CLAIMS_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: CLAIM_EVENTS_V1 })
      .on('ClaimCreated', ({ data }, { manager }) => this.claims.created(manager, data))
      .on('ClaimRejected', (event, { manager }) =>
        this.tell(manager, event, (claim) => claim.payees.map((payee) => [payee, messages.claimRejected(claim.claimId, claim.period, event.data.reasonCode)])),
      )
      .on('ClaimPaid', (event, { manager }) =>
        this.tell(manager, event, (claim) => {
          const paid = new Map<string, number>();
          for (const line of event.data.lines) paid.set(line.payee, (paid.get(line.payee) ?? 0) + line.amountCents);
          return [...paid].map(([payee, cents]) => [payee, messages.claimPaid(claim.claimId, claim.period, cents, event.data.reference)]);
        }),
      );
  }

  private async tell(tx: Transaction, event: EventEnvelope<object>, messagesOf: (claim: ClaimAudience) => Array<[string, string]>): Promise<void> {
    const rule = ruleFor('claims', event.type, event.data);
    const claim = await this.claims.get(tx, event.streamId);
    if (!rule || !claim) return;
    const relatedSubjects = [...claim.prescriptionIds.map((id) => `prescription:${id}`), `enrolment:${claim.enrolmentId}`, `patient:${claim.pseudonym}`];
    const concerns: Concern[] = messagesOf(claim).map(([payee, message]) => ({
      recipient: { kind: 'org', org: payee },
      subject: `claim:${claim.claimId}`,
      relatedSubjects,
      message,
    }));
    await this.notifier.tell(tx, event, rule, concerns);
  }
}
