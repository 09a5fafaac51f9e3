import type { Signer } from '@app/audit';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SignerRegistry } from '../../signers/signer-registry';
import { ListSignersQuery } from './list-signers.query';

/** Every service key the ledger accepts or once accepted, with its validity: what an offline verifier trusts (`--signers`). */
@QueryHandler(ListSignersQuery)
export class ListSignersHandler implements IQueryHandler<ListSignersQuery, { items: Signer[] }> {
  constructor(private readonly registry: SignerRegistry) {}

  async execute(): Promise<{ items: Signer[] }> {
    return { items: await this.registry.signers() };
  }
}
