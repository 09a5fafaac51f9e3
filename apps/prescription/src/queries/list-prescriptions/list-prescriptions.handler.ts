import type { ListResponse } from '@app/contracts';
import { toListResponse } from '@app/service-kit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityDisclosure } from '../../patient-identity/identity-disclosure';
import { PrescriptionsRepository } from '../../projections/prescriptions.repository';
import type { PrescriptionView } from '../../projections/prescription-view';
import { ListPrescriptionsQuery } from './list-prescriptions.query';

/** A physician lists their own prescriptions; auditors and admins all of them (without identity). */
@QueryHandler(ListPrescriptionsQuery)
export class ListPrescriptionsHandler implements IQueryHandler<ListPrescriptionsQuery, ListResponse<PrescriptionView>> {
  constructor(private readonly prescriptions: PrescriptionsRepository, private readonly disclosure: IdentityDisclosure) {}

  async execute({ status, page, viewer }: ListPrescriptionsQuery): Promise<ListResponse<PrescriptionView>> {
    const { rows, total } = await this.prescriptions.listVisible(viewer, status, page);
    return toListResponse(rows.map((row) => this.disclosure.viewFor(viewer, row)), total, page.page, page.pageSize);
  }
}
