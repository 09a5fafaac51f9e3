import { DEVICE_CERTIFICATION_EVENTS_V1, type CertificationGrantedV1, type DeviceProductV1 } from '@app/contracts';
import type { Transaction } from '@app/event-sourcing';
import { IdempotentConsumerFactory } from '@app/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { CertificationFact } from '../domain/billing/billing-facts';
import { DeviceCertificationFactsRepository } from '../projections/device-certification-facts.repository';
import { DeviceFactsRepository } from '../projections/device-facts.repository';

export const DEVICE_CONSUMER_PURPOSE = Symbol('DEVICE_CONSUMER_PURPOSE');

/**
 * device-certification.events.v1: each product's exploitant (paid the
 * technical fee; the manufacturer when none is given), its LPP code and each
 * step of its certification, in stream order. Recorded whatever order the
 * events of two services arrive in: an enrolment known later finds them.
 */
@Injectable()
export class DeviceCertificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: IdempotentConsumerFactory,
    private readonly devices: DeviceFactsRepository,
    private readonly certifications: DeviceCertificationFactsRepository,
    @Inject(DEVICE_CONSUMER_PURPOSE) private readonly purpose: string,
  ) {}

  onModuleInit(): void {
    this.consumers
      .create({ purpose: this.purpose, contract: DEVICE_CERTIFICATION_EVENTS_V1 })
      .on('DeviceRegistered', ({ data, version }, { manager }) => this.product(manager, data.deviceId, data.product, version))
      .on('DeviceUpdated', ({ streamId, data, version }, { manager }) => this.product(manager, streamId, data.product, version))
      .on('DeviceCertified', ({ streamId, data, version, occurredAt }, { manager }) => this.granted(manager, streamId, 'CERTIFIED', data, version, occurredAt))
      .on('DeviceRecertified', ({ streamId, data, version, occurredAt }, { manager }) =>
        this.granted(manager, streamId, 'RECERTIFIED', data, version, occurredAt),
      )
      .on('DeviceSuspended', ({ streamId, version, occurredAt }, { manager }) => this.step(manager, streamId, { version, at: occurredAt, kind: 'SUSPENDED' }))
      .on('DeviceReinstated', ({ streamId, version, occurredAt }, { manager }) =>
        this.step(manager, streamId, { version, at: occurredAt, kind: 'REINSTATED' }),
      )
      .on('DeviceRevoked', ({ streamId, version, occurredAt }, { manager }) => this.step(manager, streamId, { version, at: occurredAt, kind: 'REVOKED' }))
      .on('DeviceCertificationExpired', ({ streamId, data, version }, { manager }) =>
        this.step(manager, streamId, { version, at: data.expiredAt, kind: 'EXPIRED', validUntil: data.validUntil }),
      );
  }

  private product(tx: Transaction, deviceId: string, product: DeviceProductV1, version: number): Promise<void> {
    return this.devices.product(tx, { deviceId, udiDi: product.udiDi, exploitant: product.exploitant ?? product.manufacturer }, version);
  }

  private async granted(tx: Transaction, deviceId: string, kind: 'CERTIFIED' | 'RECERTIFIED', data: CertificationGrantedV1, version: number, at: string) {
    await this.devices.certified(tx, { deviceId, lppCode: data.lppCode, udiDi: data.udiDi, manufacturerSiret: data.manufacturerSiret }, version);
    await this.step(tx, deviceId, { version, at, kind, validFrom: data.validFrom, validUntil: data.validUntil });
  }

  private step(tx: Transaction, deviceId: string, fact: Omit<CertificationFact, 'validFrom' | 'validUntil'> & Partial<CertificationFact>): Promise<void> {
    return this.certifications.record(tx, deviceId, { validFrom: null, validUntil: null, ...fact });
  }
}
