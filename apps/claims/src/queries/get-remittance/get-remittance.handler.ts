import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimErrors } from '../../domain/claim.errors';
import { RemittancesRepository, type Remittance } from '../../projections/remittances.repository';
import { GetRemittanceQuery } from './get-remittance.query';

/** A remittance advice, for claims processors, admins and its payee; the 404 of a missing one for any other org. */
@QueryHandler(GetRemittanceQuery)
export class GetRemittanceHandler implements IQueryHandler<GetRemittanceQuery, Remittance> {
  constructor(private readonly remittances: RemittancesRepository) {}

  async execute({ remittanceId, viewer }: GetRemittanceQuery): Promise<Remittance> {
    const remittance = await this.remittances.get(remittanceId, viewer);
    if (!remittance) throw ClaimErrors.remittanceNotFound(remittanceId);
    return remittance;
  }
}
