import { fhirBaseUrl, type SearchLocation } from '@app/fhir';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Where the client asked a search: the public base, the type, and its query as given (for the Bundle's links). */
export const FhirSearchLocation = createParamDecorator((resourceType: string, context: ExecutionContext): SearchLocation => {
  const request = context.switchToHttp().getRequest<Request>();
  return { base: fhirRequestBase(request), type: resourceType, query: request.query as Record<string, unknown> };
});

/** The public FHIR base of a request (`fullUrl`s and links lead back through the gateway). */
export const fhirRequestBase = (request: Request): string =>
  fhirBaseUrl(request.headers, { protocol: request.protocol, host: request.get('host') ?? 'localhost' });

/** The public FHIR base alone, for a read that builds `fullUrl`s or references. */
export const FhirBase = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  fhirRequestBase(context.switchToHttp().getRequest<Request>()),
);
