import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PatientIdentityCipher } from '../../commands/patient-identity.cipher';
import type { PrescriptionView } from '../../projections/prescription-view';
import { prescriberFilterOf, viewFor, type PrescriptionRow } from '../prescription-reader';
import { ListPrescriptionsQuery } from './list-prescriptions.query';

const WHERE = `($1::text IS NULL OR prescriber_rpps = $1) AND ($2::text IS NULL OR status = $2)`;

@QueryHandler(ListPrescriptionsQuery)
export class ListPrescriptionsHandler implements IQueryHandler<ListPrescriptionsQuery, ListResponse<PrescriptionView>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: PatientIdentityCipher,
  ) {}

  /** A physician lists their own prescriptions; auditors and admins all of them. */
  async execute({ status, page, pageSize, viewer }: ListPrescriptionsQuery): Promise<ListResponse<PrescriptionView>> {
    const params = [prescriberFilterOf(viewer), status ?? null];
    const rows = (await this.dataSource.query(
      `SELECT resource, prescriber_rpps, identity_encrypted FROM prescriptions WHERE ${WHERE} ORDER BY created_at, id LIMIT $3 OFFSET $4`,
      [...params, pageSize, (page - 1) * pageSize],
    )) as PrescriptionRow[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM prescriptions WHERE ${WHERE}`, params)) as Array<{
      total: number;
    }>;
    return toListResponse(
      rows.map((row) => viewFor(viewer, row, this.identity)),
      total,
      page,
      pageSize,
    );
  }
}
