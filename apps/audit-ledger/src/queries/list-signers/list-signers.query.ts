import type { Signer } from '@app/audit';
import { Query } from '@nestjs/cqrs';

export class ListSignersQuery extends Query<{ items: Signer[] }> {}
