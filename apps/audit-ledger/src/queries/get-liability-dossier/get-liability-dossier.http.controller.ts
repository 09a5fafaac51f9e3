import type { LiabilityDossier } from '@app/audit';
import { CurrentPrincipal, Roles, type Principal } from '@app/auth';
import { ApiController, UuidParam } from '@app/service-kit';
import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetLiabilityDossierQuery } from './get-liability-dossier.query';

@ApiController('v1/liability/prescriptions', 'liability')
export class GetLiabilityDossierHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Auditors, and the prescriber of that prescription; everyone else 403. */
  @Get(':id')
  @Roles('auditor', 'physician')
  dossier(@UuidParam() id: string, @CurrentPrincipal() reader: Principal): Promise<LiabilityDossier> {
    return this.queries.execute(new GetLiabilityDossierQuery(id, reader));
  }
}
