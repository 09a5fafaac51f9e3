import { DEVICE_CERTIFICATION_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { deviceAuditDraft } from '../domain/device.audit';
import type { DeviceCommand } from '../domain/device.commands';
import { deviceDecider } from '../domain/device.decider';
import { DeviceErrors } from '../domain/device.errors';
import type { DeviceEvent } from '../domain/device.events';
import type { DeviceState } from '../domain/device.state';
import { DeviceCatalogueProjection } from '../projections/device-catalogue.projection';
import { DeviceCatalogueRepository } from '../projections/device-catalogue.repository';
import type { DeviceView } from '../projections/device-view';

/** The DeviceProduct aggregate as the command pipeline runs it: every device use case goes through here. */
@Injectable()
export class DeviceAggregate implements Aggregate<DeviceState, DeviceCommand, DeviceEvent, DeviceView> {
  readonly streamType = 'device';
  readonly contract = DEVICE_CERTIFICATION_EVENTS_V1;
  readonly decider = deviceDecider;

  constructor(
    private readonly catalogue: DeviceCatalogueRepository,
    private readonly projection: DeviceCatalogueProjection,
  ) {}

  /** A caller who may not see the device learns nothing of it: the 404 of a missing one, before any decision. */
  async admit(tx: Transaction, { streamId, command, context }: CommandRequest<DeviceCommand>): Promise<void> {
    if (command.type === 'RegisterDevice') return;
    const viewer = { role: context.actor.role, org: command.actorOrg };
    if (!(await this.catalogue.findVisible(streamId, viewer, tx))) throw DeviceErrors.notFound(streamId);
  }

  audit({ streamId, events, state, context }: CommandStep<DeviceState, DeviceEvent>) {
    return deviceAuditDraft(streamId, events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<DeviceState, DeviceEvent>): Promise<DeviceView> {
    return this.projection.apply(tx, step);
  }
}
