import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeviceStatus, IndicationCode } from '../domain/device-product';
import { deviceVisibility, type DeviceViewer } from '../domain/device-visibility';
import type { DeviceView } from './device-view';

export interface DeviceFilter {
  status?: DeviceStatus;
  /** Any of these statuses (the FHIR search's `status=A,B`). */
  statuses?: readonly DeviceStatus[];
  indication?: IndicationCode;
  /** Last changed at or after (the FHIR search's `_lastUpdated`): `updated_at` is each version's time. */
  updatedFrom?: Date;
  /** Last changed strictly before. */
  updatedBefore?: Date;
}

const UPSERT = `
  INSERT INTO device_catalogue
    (id, status, version, manufacturer_siret, indications, certified_indications, valid_until, resource, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (id) DO UPDATE SET
    status = EXCLUDED.status, version = EXCLUDED.version, manufacturer_siret = EXCLUDED.manufacturer_siret,
    indications = EXCLUDED.indications, certified_indications = EXCLUDED.certified_indications,
    valid_until = EXCLUDED.valid_until, updated_at = EXCLUDED.updated_at,
    -- the creation time is the registration's, whatever step writes the row
    resource = EXCLUDED.resource || jsonb_build_object('createdAt', device_catalogue.resource->'createdAt')
  RETURNING resource`;

/** A certified product matches its certified indications; one not yet certified, its declared ones. */
const HAS_INDICATION = `(CASE WHEN cardinality(certified_indications) > 0 THEN certified_indications ELSE indications END) @> ARRAY[$INDICATION]::text[]`;

/**
 * The device_catalogue table (one row per device, `resource` its API
 * representation), and the one SQL form of the visibility rule.
 */
@Injectable()
export class DeviceCatalogueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the device's row and returns its resource as stored (the registration's createdAt kept). */
  async upsert(tx: Transaction, view: DeviceView): Promise<DeviceView> {
    const [row] = await tx.query(UPSERT, [
      view.id,
      view.status,
      view.version,
      view.manufacturer.siret,
      view.indications,
      view.certification?.certifiedIndications ?? [],
      view.certification?.validUntil ?? null,
      view,
      view.createdAt,
      view.updatedAt,
    ]);
    return row.resource;
  }

  /** The device if this viewer may see it; null for a missing device and for one they may not see alike. */
  async findVisible(id: string, viewer: DeviceViewer, tx?: Transaction): Promise<DeviceView | null> {
    const visible = visibleTo(viewer, 2);
    const [row] = await (tx ?? this.dataSource).query(`SELECT resource FROM device_catalogue WHERE id = $1 AND ${visible.sql}`, [
      id,
      ...visible.params,
    ]);
    return row?.resource ?? null;
  }

  async listVisible(
    viewer: DeviceViewer,
    filter: DeviceFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: DeviceView[]; total: number }> {
    const visible = visibleTo(viewer, 1);
    const params: unknown[] = [...visible.params];
    const where = [visible.sql];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.statuses) where.push(`status = ANY($${params.push(filter.statuses)}::text[])`);
    if (filter.indication) where.push(HAS_INDICATION.replace('$INDICATION', `$${params.push(filter.indication)}`));
    if (filter.updatedFrom) where.push(`updated_at >= $${params.push(filter.updatedFrom)}`);
    if (filter.updatedBefore) where.push(`updated_at < $${params.push(filter.updatedBefore)}`);
    const { offset, limit } = pageWindow(page);
    const rows = await this.dataSource.query(
      `SELECT resource, count(*) OVER () AS total FROM device_catalogue WHERE ${where.join(' AND ')}
        ORDER BY created_at, id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : offset === 0 ? 0 : await this.count(where.join(' AND '), params);
    return { items: rows.map((row: { resource: DeviceView }) => row.resource), total };
  }

  /** Certifications in force or suspended whose validity ended by `now`, soonest first. */
  async dueForExpiry(now: Date): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT id FROM device_catalogue WHERE status IN ('CERTIFIED', 'SUSPENDED') AND valid_until <= $1 ORDER BY valid_until, id`,
      [now],
    );
    return rows.map((row: { id: string }) => row.id);
  }

  /** Keeps every writer out until the rebuild's transaction ends; readers still read the rows as they were. */
  async lockForRebuild(tx: Transaction): Promise<void> {
    await tx.query('LOCK TABLE device_catalogue IN EXCLUSIVE MODE');
  }

  /** Empties the table in the rebuild's transaction, which then writes every row again (a DELETE: readers are not blocked). */
  async clear(tx: Transaction): Promise<void> {
    await tx.query('DELETE FROM device_catalogue');
  }

  private async count(where: string, params: unknown[]): Promise<number> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM device_catalogue WHERE ${where}`, params);
    return total;
  }
}

/** The visibility rule (domain/device-visibility.ts) as one SQL predicate, its parameters numbered from `first`. */
function visibleTo(viewer: DeviceViewer, first: number): { sql: string; params: unknown[] } {
  const visibility = deviceVisibility(viewer);
  if (visibility.all) return { sql: 'true', params: [] };
  return {
    sql: `(status = ANY($${first}::text[]) OR manufacturer_siret = $${first + 1})`,
    params: [visibility.statuses, visibility.manufacturerSiret],
  };
}
