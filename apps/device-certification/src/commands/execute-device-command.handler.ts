import { TOPICS } from '@app/contracts';
import { DeciderCommandRunner } from '@app/event-sourcing';
import { OutboxSignal } from '@app/messaging';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { deviceDecider } from '../domain/device.decider';
import { deviceAuditDraft } from '../domain/device.audit';
import { DeviceErrors } from '../domain/device.errors';
import type { DeviceStatus } from '../domain/device-product';
import { DeviceCatalogueProjection } from '../projections/device-catalogue.projection';
import { deviceView, isVisibleTo, type DeviceView } from '../projections/device-view';
import { ExecuteDeviceCommand } from './execute-device-command.command';

@CommandHandler(ExecuteDeviceCommand)
export class ExecuteDeviceCommandHandler implements ICommandHandler<ExecuteDeviceCommand, DeviceView> {
  private readonly projection = new DeviceCatalogueProjection();

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: DeciderCommandRunner,
    private readonly outboxSignal: OutboxSignal,
  ) {}

  async execute({ deviceId, command, caller, correlationId, causationId }: ExecuteDeviceCommand): Promise<DeviceView> {
    const view = await this.dataSource.transaction(async (manager) => {
      if (command.type !== 'RegisterDevice') {
        // A caller who may not see the device learns nothing of it: 404, before any decision.
        const [row] = (await manager.query('SELECT status, manufacturer_siret FROM device_catalogue WHERE id = $1', [
          deviceId,
        ])) as Array<{ status: DeviceStatus; manufacturer_siret: string }>;
        const viewer = { role: caller.actor.role, org: caller.org };
        if (!row || !isVisibleTo({ status: row.status, manufacturerSiret: row.manufacturer_siret }, viewer)) {
          throw DeviceErrors.notFound(deviceId);
        }
      }
      const result = await this.runner.run({
        manager,
        decider: deviceDecider,
        command,
        streamId: deviceId,
        streamType: 'device',
        topic: TOPICS.deviceCertification,
        context: { actor: caller.actor, correlationId, causationId, now: command.now },
        audit: ({ events, state }) => deviceAuditDraft(deviceId, events, state, caller.actor),
      });
      const at = command.now.toISOString();
      await this.projection.apply(manager, result.state, result.version, at);
      if (result.state.status === 'NONE') throw DeviceErrors.notFound(deviceId);
      return deviceView(result.state, result.version, at, at);
    });
    // Woken only after the commit: a NOTIFY inside the transaction would serialise commits.
    this.outboxSignal.notify();
    const [row] = (await this.dataSource.query('SELECT resource FROM device_catalogue WHERE id = $1', [deviceId])) as Array<{
      resource: DeviceView;
    }>;
    return row?.resource ?? view;
  }
}
