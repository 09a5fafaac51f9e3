import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RightsChecks } from '../../jobs/rights-checks';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { RequestRightsCheckCommand } from './request-rights-check.command';

/** The operator asks the AMO again (after UNAVAILABLE, or a CLOSED that should have changed): a new numbered request, its job queued once committed. */
@CommandHandler(RequestRightsCheckCommand)
export class RequestRightsCheckHandler implements ICommandHandler<RequestRightsCheckCommand, EnrolmentView> {
  constructor(
    private readonly steps: EnrolmentSteps,
    private readonly rightsChecks: RightsChecks,
  ) {}

  async execute({ input: { enrolmentId, by }, context }: RequestRightsCheckCommand): Promise<EnrolmentView> {
    const enrolment = await this.steps.run(enrolmentId, context, () => ({ type: 'RequestRightsCheck', by: stepActorOf(by), viewer: viewerOf(by), now: context.now }));
    await this.rightsChecks.enqueue(enrolmentId, enrolment.rights.request);
    return enrolment;
  }
}
