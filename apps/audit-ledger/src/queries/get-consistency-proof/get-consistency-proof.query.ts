import { Query } from '@nestjs/cqrs';

export interface ConsistencyProofView {
  from: number;
  to: number;
  path: string[];
}

export class GetConsistencyProofQuery extends Query<ConsistencyProofView> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
