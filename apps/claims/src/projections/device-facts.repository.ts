import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviceFacts } from '../domain/billing/billing-facts';
import { DeviceCertificationFactsRepository } from './device-certification-facts.repository';

/** What a product event says of the device: the exploitant is paid the technical fee (the manufacturer by default). */
export interface DeviceProductFact {
  deviceId: string;
  udiDi: string;
  exploitant: { siret: string; name: string };
}

/**
 * Each device product as device-certification.events.v1 told it (the
 * `device_facts` table), and what billing reads of it (`factsOf`, with its
 * certification steps). `version` is the last device event applied.
 */
@Injectable()
export class DeviceFactsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certifications: DeviceCertificationFactsRepository,
  ) {}

  /** DeviceRegistered / DeviceUpdated: the product's UDI-DI and exploitant; the LPP code stays the certification's. */
  async product(tx: Transaction, fact: DeviceProductFact, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO device_facts (device_id, udi_di, exploitant_siret, exploitant_name, lpp_code, version) VALUES ($1, $2, $3, $4, NULL, $5)
       ON CONFLICT (device_id) DO UPDATE SET udi_di = EXCLUDED.udi_di, exploitant_siret = EXCLUDED.exploitant_siret,
         exploitant_name = EXCLUDED.exploitant_name, version = EXCLUDED.version
         WHERE device_facts.version < EXCLUDED.version`,
      [fact.deviceId, fact.udiDi, fact.exploitant.siret, fact.exploitant.name, version],
    );
  }

  /**
   * A certification (or recertification) grants the LPP code. Should the
   * product's own event be missing, the row starts from the certification's
   * facts (its UDI-DI, the manufacturer as exploitant) until one comes.
   */
  async certified(tx: Transaction, fact: { deviceId: string; lppCode: string; udiDi: string; manufacturerSiret: string }, version: number): Promise<void> {
    await tx.query(
      `INSERT INTO device_facts (device_id, udi_di, exploitant_siret, exploitant_name, lpp_code, version) VALUES ($1, $2, $3, '', $4, 0)
       ON CONFLICT (device_id) DO UPDATE SET lpp_code = EXCLUDED.lpp_code, version = GREATEST(device_facts.version, $5)
         WHERE device_facts.version < $5`,
      [fact.deviceId, fact.udiDi, fact.manufacturerSiret, fact.lppCode, version],
    );
  }

  /** The products known among these ids, with their certification steps in order. */
  async factsOf(deviceIds: string[], tx?: Transaction): Promise<DeviceFacts[]> {
    if (deviceIds.length === 0) return [];
    const runner = tx ?? this.dataSource.manager;
    const rows: Array<{ deviceId: string; udiDi: string; siret: string; name: string; lppCode: string | null }> = await runner.query(
      `SELECT device_id AS "deviceId", udi_di AS "udiDi", exploitant_siret AS siret, exploitant_name AS name, lpp_code AS "lppCode"
         FROM device_facts WHERE device_id = ANY($1::uuid[])`,
      [[...new Set(deviceIds)]],
    );
    const certifications = await this.certifications.of(
      rows.map((row) => row.deviceId),
      runner,
    );
    return rows.map((row) => ({
      deviceId: row.deviceId,
      udiDi: row.udiDi,
      exploitant: { siret: row.siret, name: row.name },
      lppCode: row.lppCode,
      certification: certifications.get(row.deviceId) ?? [],
    }));
  }
}
