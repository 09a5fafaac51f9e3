import { ENROLMENT_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { enrolmentAuditDraft } from '../domain/enrolment.audit';
import type { EnrolmentCommand } from '../domain/enrolment.commands';
import { enrolmentDecider } from '../domain/enrolment.decider';
import { EnrolmentErrors } from '../domain/enrolment.errors';
import type { EnrolmentEvent, EnrolmentState } from '../domain/enrolment.state';
import type { StoredEnrolmentView } from '../projections/enrolment-view';
import { EnrolmentReadModel } from '../projections/enrolment-read-model.projection';
import { EnrolmentsRepository } from '../projections/enrolments.repository';

/** The Enrolment aggregate as the command pipeline runs it: every enrolment use case goes through here. */
@Injectable()
export class EnrolmentAggregate implements Aggregate<EnrolmentState, EnrolmentCommand, EnrolmentEvent, StoredEnrolmentView> {
  readonly streamType = 'enrolment';
  readonly contract = ENROLMENT_EVENTS_V1;
  readonly decider = enrolmentDecider;

  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly readModel: EnrolmentReadModel,
  ) {}

  /** A user who may not see the enrolment learns nothing of it: the 404 of a missing one, before any decision. */
  async admit(tx: Transaction, { streamId, command }: CommandRequest<EnrolmentCommand>): Promise<void> {
    if (!('viewer' in command)) return;
    if (!(await this.enrolments.findVisible(streamId, command.viewer, tx))) throw EnrolmentErrors.notFound(streamId);
  }

  audit({ events, state, context }: CommandStep<EnrolmentState, EnrolmentEvent>) {
    return enrolmentAuditDraft(events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<EnrolmentState, EnrolmentEvent>): Promise<StoredEnrolmentView> {
    return this.readModel.apply(tx, step);
  }
}
