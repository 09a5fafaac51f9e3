import { stepActorOf } from '@app/auth';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EnrolmentView } from '../../projections/enrolment-view';
import { EnrolmentSteps } from '../enrolment-steps';
import { viewerOf } from '../../principals/enrolment-viewer';
import { AssignDeviceCommand } from './assign-device.command';

/**
 * The operator assigns the device (again while ACTIVE: a faulty one is
 * replaced). The read model holds its serial for this enrolment in the same
 * transaction: of two assignments of one serial at once, one wins (409 ENROLMENT.SERIAL_IN_USE).
 */
@CommandHandler(AssignDeviceCommand)
export class AssignDeviceHandler implements ICommandHandler<AssignDeviceCommand, EnrolmentView> {
  constructor(private readonly steps: EnrolmentSteps) {}

  execute({ input: { enrolmentId, serialNumber, udiDi, by }, context }: AssignDeviceCommand): Promise<EnrolmentView> {
    return this.steps.run(enrolmentId, context, () => ({ type: 'AssignDevice', serialNumber, udiDi, by: stepActorOf(by), viewer: viewerOf(by), now: context.now }));
  }
}
