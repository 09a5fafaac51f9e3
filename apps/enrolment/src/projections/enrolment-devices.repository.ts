import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnrolmentViewer } from '../domain/enrolment-visibility';
import type { DeviceSerial } from './device-serials.repository';
import { enrolmentDeviceId } from './enrolment-device-id';
import { type FhirScope, fhirScopeParams, fhirScopeSql } from './fhir-scope.sql';
import { visibleTo } from './visible-to.sql';

/** A serial assigned to an enrolment, with what its Device tells of the enrolment. */
export interface EnrolmentDeviceRow extends DeviceSerial {
  id: string;
  enrolmentId: string;
  /** The first assignment of this serial to the enrolment. */
  assignedAt: string;
  /** The enrolment's device now, and the enrolment has not ended. */
  inUse: boolean;
  /** The enrolment's product (the prescribed device). */
  deviceId: string;
  operatorOrg: string;
  patientPseudonym: string;
  /** The enrolment's version and last change. */
  version: number;
  updatedAt: string;
}

export interface EnrolmentDeviceFilters extends FhirScope {
  inUse?: boolean;
}

// A serial is in use while it is the enrolment's device and the enrolment has not ended (as device_serials holds it).
const IN_USE = `COALESCE(e.status <> 'ENDED' AND e.resource->'device'->>'udiDi' = d.udi_di AND e.resource->'device'->>'serialNumber' = d.serial_number, false)`;

const SELECT = `
  SELECT d.id, d.enrolment_id AS "enrolmentId", d.udi_di AS "udiDi", d.serial_number AS "serialNumber", d.assigned_at AS "assignedAt",
         ${IN_USE} AS "inUse",
         e.device_id AS "deviceId", e.operator_org AS "operatorOrg", e.patient_pseudonym AS "patientPseudonym", e.version, e.updated_at AS "updatedAt"
    FROM enrolment_devices d JOIN enrolments e ON e.id = d.enrolment_id`;

type RawRow = Omit<EnrolmentDeviceRow, 'assignedAt' | 'updatedAt'> & { assignedAt: Date; updatedAt: Date };
const toRow = (raw: RawRow): EnrolmentDeviceRow => ({ ...raw, assignedAt: raw.assignedAt.toISOString(), updatedAt: raw.updatedAt.toISOString() });

/**
 * Every serial ever assigned to an enrolment (device_serials forgets a
 * replaced one), read through the enrolments' visibility rule.
 */
@Injectable()
export class EnrolmentDevicesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A serial assigned again (replaced, then back) keeps its first row and id. */
  async record(tx: Transaction, enrolmentId: string, device: DeviceSerial, assignedAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO enrolment_devices (id, enrolment_id, udi_di, serial_number, assigned_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id, udi_di, serial_number) DO NOTHING`,
      [enrolmentDeviceId(enrolmentId, device.udiDi, device.serialNumber, new Date(assignedAt)), enrolmentId, device.udiDi, device.serialNumber, assignedAt],
    );
  }

  async findVisible(id: string, viewer: EnrolmentViewer): Promise<EnrolmentDeviceRow | null> {
    const visible = visibleTo(viewer, 2);
    const [row] = await this.dataSource.query(`${SELECT} WHERE d.id = $1 AND ${visible.sql}`, [id, visible.param]);
    return row ? toRow(row) : null;
  }

  async listVisible(viewer: EnrolmentViewer, filters: EnrolmentDeviceFilters, page: { page: number; pageSize: number }): Promise<{ rows: EnrolmentDeviceRow[]; total: number }> {
    const visible = visibleTo(viewer, 1);
    const where = `${visible.sql} AND ${fhirScopeSql(2, 'e')} AND ($5::boolean IS NULL OR ${IN_USE} = $5)`;
    const params = [visible.param, ...fhirScopeParams(filters), filters.inUse ?? null];
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(`${SELECT} WHERE ${where} ORDER BY d.assigned_at, d.id OFFSET $6 LIMIT $7`, [...params, offset, limit]);
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enrolment_devices d JOIN enrolments e ON e.id = d.enrolment_id WHERE ${where}`,
      params,
    );
    return { rows: rows.map(toRow), total };
  }
}
