import type { Coverage } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { namesPlatformRow } from '@app/fhir';
import { fhirNotFound } from '../enrolment-fhir';
import { coverageResource } from './coverage.resource';
import { ReadCoverageQuery } from './read-coverage.query';

/** The Coverage of an enrolment the caller sees (`GET /v1/enrolments/:id`'s rule); any other is the 404 of a missing one. */
@QueryHandler(ReadCoverageQuery)
export class ReadCoverageHandler implements IQueryHandler<ReadCoverageQuery, Coverage> {
  constructor(private readonly enrolments: EnrolmentsRepository) {}

  async execute({ id, viewer }: ReadCoverageQuery): Promise<Coverage> {
    const row = namesPlatformRow(id) ? await this.enrolments.findVisible(id, viewer) : null;
    if (!row) throw fhirNotFound('Coverage', id);
    return coverageResource(row);
  }
}
