import { ERROR_CODES, type ErrorBody, type ErrorDetail } from '@app/contracts';
import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG, PATIENT_EXPORT_SOURCES } from '../gateway.tokens';
import type { GatewayConfig } from '../gateway.config';
import type { ExportSource } from './patient-export-sources';
import { describeFetchError, errorCodeOf } from '../proxy/upstream-answers';
import { ExportPartRefused, mergeExport, type ExportPart, type PatientExport } from './patient-export.merge';

/** What the gateway passes on to each service: the caller's own token and the request's correlation ids. */
export interface ExportCaller {
  pseudonym: string;
  authorization: string;
  correlationId: string;
  clientCorrelationId?: string;
}

/**
 * Composes GET /v1/patients/me/export: asks every declaring service, in
 * parallel, what it holds about the caller (each decides that from the
 * caller's own token, the gateway holding no key to decide anything), and
 * merges the answers. One part missing and the whole export is a 503 naming
 * the service: a partial export would tell the patient the platform holds
 * less than it does.
 */
@Injectable()
export class PatientExportComposer {
  private readonly logger = new Logger('PatientExport');

  constructor(
    @Inject(PATIENT_EXPORT_SOURCES) private readonly sources: readonly ExportSource[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async compose(caller: ExportCaller): Promise<PatientExport> {
    const answers = await Promise.all(this.sources.map((source) => this.part(source, caller)));
    const failures = answers.filter((answer): answer is Failure => 'reason' in answer);
    if (failures.length > 0) throw this.unavailable(failures);
    try {
      return mergeExport(caller.pseudonym, answers as ExportPart[]);
    } catch (error) {
      if (error instanceof ExportPartRefused) throw this.unavailable([{ service: error.service, reason: error.reason }]);
      throw error;
    }
  }

  private async part({ service, url }: ExportSource, caller: ExportCaller): Promise<ExportPart | Failure> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: caller.authorization,
      'x-correlation-id': caller.correlationId,
      ...(caller.clientCorrelationId ? { 'x-client-correlation-id': caller.clientCorrelationId } : {}),
    };
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.config.PROXY_TIMEOUT_MS) });
      if (!response.ok) return { service, reason: `answered HTTP ${response.status}${await errorCodeOf(response)}` };
      return { service, body: await response.json() };
    } catch (error) {
      return { service, reason: describeFetchError(error) };
    }
  }

  /** 503 DEPENDENCY.UNAVAILABLE, one detail per missing part. Only statuses and codes: an upstream's text may name the patient. */
  private unavailable(failures: Failure[]): HttpException {
    const names = failures.map((failure) => failure.service).join(', ');
    for (const failure of failures) this.logger.warn(`export part of ${failure.service} unavailable: ${failure.reason}`);
    const details: ErrorDetail[] = failures.map(({ service, reason }) => ({
      code: 'EXPORT_PART_UNAVAILABLE',
      message: `${service} ${reason}`,
      service,
    }));
    const body: ErrorBody = {
      error: { code: ERROR_CODES.dependencyUnavailable, message: `The export needs ${names}, which did not answer; retry later`, details },
    };
    return new HttpException(body, 503);
  }
}

interface Failure {
  service: string;
  reason: string;
}
