import type { Consent } from '@medplum/fhirtypes';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsentsRepository } from '../../projections/consents.repository';
import { namesPlatformRow } from '@app/fhir';
import { fhirNotFound } from '../enrolment-fhir';
import { consentResource } from './consent.resource';
import { ReadConsentQuery } from './read-consent.query';

/** A consent record of an enrolment the caller sees (as `GET /v1/enrolments/:id`); any other is the 404 of a missing one. */
@QueryHandler(ReadConsentQuery)
export class ReadConsentHandler implements IQueryHandler<ReadConsentQuery, Consent> {
  constructor(private readonly consents: ConsentsRepository) {}

  async execute({ id, viewer }: ReadConsentQuery): Promise<Consent> {
    const row = namesPlatformRow(id) ? await this.consents.findVisible(id, viewer) : null;
    if (!row) throw fhirNotFound('Consent', id);
    return consentResource(row);
  }
}
