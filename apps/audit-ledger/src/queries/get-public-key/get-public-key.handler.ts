import type { LedgerPublicKey } from '@app/audit';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_SIGNING_KEY, type LedgerSigningKey } from '../../signing/ledger-signing-key';
import { GetPublicKeyQuery } from './get-public-key.query';

/** The tree heads' verification key, as an offline verifier needs it. */
@QueryHandler(GetPublicKeyQuery)
export class GetPublicKeyHandler implements IQueryHandler<GetPublicKeyQuery, LedgerPublicKey> {
  constructor(@Inject(LEDGER_SIGNING_KEY) private readonly key: LedgerSigningKey) {}

  async execute(): Promise<LedgerPublicKey> {
    return this.key.publicKey;
  }
}
