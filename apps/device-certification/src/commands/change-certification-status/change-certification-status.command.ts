import { UseCaseCommand } from '@app/event-sourcing';
import type { DeviceView } from '../../projections/device-view';

export type StatusChange = 'SuspendDevice' | 'ReinstateDevice' | 'RevokeDevice';

/** Suspend, reinstate or revoke a certification: one use case, the evaluator's reason always given. */
export class ChangeCertificationStatusCommand extends UseCaseCommand<
  { deviceId: string; change: StatusChange; reason: string; evaluatorOrg?: string },
  DeviceView
> {}
