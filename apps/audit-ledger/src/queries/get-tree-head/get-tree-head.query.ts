import type { SignedTreeHead } from '@app/audit';
import { Query } from '@nestjs/cqrs';

export class GetTreeHeadQuery extends Query<SignedTreeHead> {}
