import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { deviceCareConcern, type CareParties } from '../domain/care-concerns';
import { messages } from '../domain/notification-messages';
import { ruleFor } from '../domain/notification-rules';
import { Notifier } from '../commands/notifier';
import { DeviceAudiencesRepository, type DeviceAlert } from '../projections/device-audiences.repository';
import { EnrolmentAudiencesRepository } from '../projections/enrolment-audiences.repository';

/**
 * A device suspended or revoked concerns the prescriber of every enrolment
 * that was ACTIVE on it at that moment. The two topics come in any order:
 * told when the alert arrives to the enrolments known active then, and when
 * an activation arrives after an alert that followed it. The notification's
 * id is the same both ways, so nobody is told twice; a lock per device
 * orders the two ways when they happen at once.
 */
@Injectable()
export class DeviceAlerts {
  constructor(
    private readonly devices: DeviceAudiencesRepository,
    private readonly enrolments: EnrolmentAudiencesRepository,
    private readonly notifier: Notifier,
  ) {}

  async alerted(tx: Transaction, alert: DeviceAlert): Promise<void> {
    await this.devices.lockTelling(tx, alert.deviceId);
    await this.devices.recordAlert(tx, alert);
    await this.tell(tx, alert, await this.enrolments.activeOnDevice(tx, alert.deviceId, alert.occurredAt));
  }

  /** After the activation is written in `tx`: the alerts it missed (the lock orders this read after any alert being told). */
  async activated(tx: Transaction, care: CareParties & { deviceId: string }, activatedAt: string): Promise<void> {
    await this.devices.lockTelling(tx, care.deviceId);
    for (const alert of await this.devices.alertsSince(tx, care.deviceId, activatedAt)) await this.tell(tx, alert, [care]);
  }

  private async tell(tx: Transaction, alert: DeviceAlert, active: CareParties[]): Promise<void> {
    const rule = ruleFor('device-certification', alert.eventType, {});
    if (!rule || active.length === 0) return;
    const type = alert.eventType === 'DeviceSuspended' ? 'DEVICE_SUSPENDED' : 'DEVICE_REVOKED';
    const device = (await this.devices.get(tx, alert.deviceId)) ?? { name: `device ${alert.deviceId}`, model: 'unknown model' };
    const fact = { id: alert.eventId, type: alert.eventType, streamId: alert.deviceId, occurredAt: alert.occurredAt, correlationId: alert.correlationId };
    const concerns = active.map((care) => deviceCareConcern(alert.deviceId, care, messages.deviceStatus(type, device, care)));
    await this.notifier.tell(tx, fact, rule, concerns);
  }
}
