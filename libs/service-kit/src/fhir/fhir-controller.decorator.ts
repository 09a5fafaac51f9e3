import { FHIR_BASE_PATH } from '@app/fhir';
import { applyDecorators, Controller, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FhirContentTypeInterceptor } from './fhir-content-type.interceptor';

/**
 * A controller of the FHIR views of one resource type: `GET /fhir/R4/<type>`
 * and `/fhir/R4/<type>/:id`, answered as `application/fhir+json` (errors too:
 * the exception filter writes them as OperationOutcome under `/fhir/`).
 */
export const FhirController = (resourceType: string): ClassDecorator =>
  applyDecorators(
    Controller(`${FHIR_BASE_PATH.slice(1)}/${resourceType}`),
    ApiTags('fhir'),
    ApiBearerAuth(),
    UseInterceptors(FhirContentTypeInterceptor),
  );
