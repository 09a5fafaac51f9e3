import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import type { CommandContext } from '@app/event-sourcing';
import { Action, ApiController, CurrentContext, UuidParam } from '@app/service-kit';
import { Body } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DeviceView } from '../../projections/device-view';
import { CertifyDeviceCommand } from '../certify-device/certify-device.command';
import { RejectDeviceCommand } from '../reject-device/reject-device.command';
import { ReviewDeviceRequestDto } from './review-device.request.dto';

/** One route, two use cases: the review's decision picks certify-device or reject-device. */
@ApiController('v1/devices', 'devices')
export class ReviewDeviceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Action(':id/review')
  @Roles('evaluator')
  review(
    @UuidParam() id: string,
    @Body() body: ReviewDeviceRequestDto,
    @CurrentPrincipal() evaluator: Principal,
    @CurrentContext() context: CommandContext,
  ): Promise<DeviceView> {
    const decided = { deviceId: id, evaluatorOrg: evaluator.org };
    if (body.decision === 'REJECT') return this.commands.execute(new RejectDeviceCommand({ ...decided, reasons: body.reasons ?? [] }, context));
    const terms = { validUntil: body.validUntil!, lppCode: body.lppCode!, certifiedIndications: body.certifiedIndications!, notes: body.notes };
    return this.commands.execute(new CertifyDeviceCommand({ ...decided, terms }, context));
  }
}
