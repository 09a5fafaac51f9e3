import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parisDate } from '../../domain/prescription-dates';
import { PrescriptionErrors } from '../../domain/prescription.errors';
import type { Referential } from '../../domain/referential/referential.types';
import { referentialByVersion, referentialInForce } from '../../domain/referential/referentials';
import { GetReferentialQuery } from './get-referential.query';

/** The HAS referential as data: past prescriptions keep the version they were evaluated under. */
@QueryHandler(GetReferentialQuery)
export class GetReferentialHandler implements IQueryHandler<GetReferentialQuery, Referential> {
  async execute({ version, now }: GetReferentialQuery): Promise<Referential> {
    if (version === null) return referentialInForce(parisDate(now));
    const referential = referentialByVersion(version);
    if (!referential) throw PrescriptionErrors.referentialNotFound(version);
    return referential;
  }
}
