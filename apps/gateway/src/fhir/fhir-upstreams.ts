import { ERROR_CODES, type ErrorBody, type ErrorDetail } from '@app/contracts';
import type { FhirResourceCapability } from '@app/fhir';
import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { describeFetchError } from '../proxy/upstream-answers';
import type { CapabilityPart } from './capability-statement';
import type { FhirSource } from './fhir-sources';

export const FHIR_SOURCES = Symbol('FHIR_SOURCES');
export const FHIR_UPSTREAM_TIMEOUT_MS = Symbol('FHIR_UPSTREAM_TIMEOUT_MS');

/** The headers the gateway passes on: the caller's own token and the request's correlation ids. */
export type UpstreamHeaders = Record<string, string>;

/**
 * What the gateway asks of the services serving FHIR when it composes:
 * their capabilities, and the pages of a search. A service that does not
 * answer makes the composition a 503 naming it, never a partial answer.
 */
@Injectable()
export class FhirUpstreams {
  private readonly logger = new Logger('FhirUpstreams');

  constructor(
    @Inject(FHIR_SOURCES) readonly sources: readonly FhirSource[],
    @Inject(FHIR_UPSTREAM_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  async capabilities(headers: UpstreamHeaders): Promise<CapabilityPart[]> {
    return Promise.all(
      this.sources.map(async (source) => {
        const answer = await this.get(source.service, `${source.url}${source.capabilitiesPath}`, headers);
        if (answer.status !== 200) throw this.unavailable(source.service, `answered HTTP ${answer.status}`);
        const resources = (answer.body as { resources?: FhirResourceCapability[] }).resources ?? [];
        return { service: source.service, routedTypes: source.routedTypes, resources };
      }),
    );
  }

  /** One GET to a service; its status and JSON body. Unreachable or timed out: a 503 naming it. */
  async get(service: string, url: string, headers: UpstreamHeaders): Promise<{ status: number; body: unknown }> {
    try {
      const response = await fetch(url, { headers: { accept: 'application/fhir+json', ...headers }, signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      throw this.unavailable(service, describeFetchError(error));
    }
  }

  /** 503 DEPENDENCY.UNAVAILABLE; only statuses and codes in the detail, an upstream's text may name the patient. */
  unavailable(service: string, reason: string): HttpException {
    this.logger.warn(`FHIR composition: ${service} ${reason}`);
    const details: ErrorDetail[] = [{ code: 'FHIR_SOURCE_UNAVAILABLE', message: `${service} ${reason}`, service }];
    const body: ErrorBody = { error: { code: ERROR_CODES.dependencyUnavailable, message: `This answer needs ${service}, which did not answer; retry later`, details } };
    return new HttpException(body, 503);
  }
}
