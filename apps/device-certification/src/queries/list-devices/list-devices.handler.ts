import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Brackets, DataSource } from 'typeorm';
import { DeviceCatalogueRow } from '../../projections/device-catalogue.entity';
import { PUBLIC_STATUSES, type DeviceView } from '../../projections/device-view';
import { ListDevicesQuery } from './list-devices.query';

@QueryHandler(ListDevicesQuery)
export class ListDevicesHandler implements IQueryHandler<ListDevicesQuery, ListResponse<DeviceView>> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filter, page, pageSize, viewer }: ListDevicesQuery): Promise<ListResponse<DeviceView>> {
    const query = this.dataSource.getRepository(DeviceCatalogueRow).createQueryBuilder('d');
    // The same visibility rule as a single read (device-view.ts), as SQL.
    if (viewer.role !== 'evaluator') {
      query.where(
        new Brackets((visible) => {
          visible.where('d.status IN (:...public)', { public: PUBLIC_STATUSES });
          if (viewer.role === 'vendor' && viewer.org) visible.orWhere('d.manufacturer_siret = :org', { org: viewer.org });
        }),
      );
    }
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.indication) {
      query.andWhere(
        `(CASE WHEN cardinality(d.certified_indications) > 0 THEN d.certified_indications ELSE d.indications END) @> ARRAY[:indication]::text[]`,
        { indication: filter.indication },
      );
    }
    const [rows, total] = await query
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return toListResponse(
      rows.map((row) => row.resource),
      total,
      page,
      pageSize,
    );
  }
}
