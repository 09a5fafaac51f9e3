import type { LedgerPublicKey } from '@app/audit';
import { Query } from '@nestjs/cqrs';

export class GetPublicKeyQuery extends Query<LedgerPublicKey> {}
