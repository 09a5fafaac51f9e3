import type { LiabilityDossier } from '@app/audit';
import type { Principal } from '@app/auth';
import { Query } from '@nestjs/cqrs';

export class GetLiabilityDossierQuery extends Query<LiabilityDossier> {
  constructor(
    readonly prescriptionId: string,
    readonly reader: Principal,
  ) {
    super();
  }
}
