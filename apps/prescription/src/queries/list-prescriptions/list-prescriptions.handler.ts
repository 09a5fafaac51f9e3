import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PrescriptionOpening } from '../../personal-data/prescription-opening';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import { ListPrescriptionsQuery } from './list-prescriptions.query';

/** A physician lists their own prescriptions; auditors and admins all of them (without identity; free text for auditors). */
@QueryHandler(ListPrescriptionsQuery)
export class ListPrescriptionsHandler implements IQueryHandler<ListPrescriptionsQuery, ListResponse<PrescriptionView>> {
  constructor(private readonly prescriptions: PrescriptionsRepository, private readonly opening: PrescriptionOpening) {}

  async execute({ status, page, viewer }: ListPrescriptionsQuery): Promise<ListResponse<PrescriptionView>> {
    const { rows, total } = await this.prescriptions.listVisible(viewer, { statuses: status ? [status] : undefined }, page);
    return toListResponse(await this.opening.viewsFor(viewer, rows), total, page.page, page.pageSize);
  }
}
