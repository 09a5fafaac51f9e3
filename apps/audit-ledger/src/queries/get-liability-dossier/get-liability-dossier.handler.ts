import type { LiabilityDossier } from '@app/audit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LiabilityDossierBuilder } from '../../dossier/liability-dossier.builder';
import { GetLiabilityDossierQuery } from './get-liability-dossier.query';

/** Every step of a prescription, proven against one signed tree head, with who decided each: auditors and its prescriber. */
@QueryHandler(GetLiabilityDossierQuery)
export class GetLiabilityDossierHandler implements IQueryHandler<GetLiabilityDossierQuery, LiabilityDossier> {
  constructor(private readonly builder: LiabilityDossierBuilder) {}

  execute({ prescriptionId, reader }: GetLiabilityDossierQuery): Promise<LiabilityDossier> {
    return this.builder.build(prescriptionId, reader);
  }
}
