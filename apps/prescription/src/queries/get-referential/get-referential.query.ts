import { Query } from '@nestjs/cqrs';
import type { Referential } from '../../domain/referential/referential.types';

/** A version of the HAS referential, or the one in force on the platform clock's date when `version` is null. */
export class GetReferentialQuery extends Query<Referential> {
  constructor(
    readonly version: string | null,
    readonly now: Date,
  ) {
    super();
  }
}
