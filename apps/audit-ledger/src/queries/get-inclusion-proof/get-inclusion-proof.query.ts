import { Query } from '@nestjs/cqrs';

export interface InclusionProofView {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  path: string[];
}

export class GetInclusionProofQuery extends Query<InclusionProofView> {
  constructor(
    readonly index: number,
    /** Defaults to the latest signed tree head's size. */
    readonly treeSize: number | undefined,
  ) {
    super();
  }
}
