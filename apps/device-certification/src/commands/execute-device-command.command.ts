import type { Actor } from '@app/contracts';
import { Command } from '@nestjs/cqrs';
import type { DeviceCommand } from '../domain/device.commands';
import type { DeviceView } from '../projections/device-view';

/** Who asks: the actor stamped on events and audit, and what visibility checks need. */
export interface DeviceCaller {
  actor: Actor;
  org?: string;
}

/**
 * One dispatch for every DeviceProduct command: they share one path (load,
 * check visibility, decide, append with the audit entry, project, publish),
 * so the HTTP controllers and the expiry job cannot drift apart.
 */
export class ExecuteDeviceCommand extends Command<DeviceView> {
  constructor(
    readonly deviceId: string,
    readonly command: DeviceCommand,
    readonly caller: DeviceCaller,
    readonly correlationId: string,
    readonly causationId: string | null = null,
  ) {
    super();
  }
}
