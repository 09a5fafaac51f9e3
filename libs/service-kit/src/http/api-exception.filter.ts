import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { correlationIdFor } from '../observability/correlation-id';
import { loggableError } from '../observability/loggable-error';
import { toErrorResponse } from './error-response';
import { FHIR_JSON, isFhirPath, toOperationOutcome } from '@app/fhir';

/**
 * The one exception filter: every error leaves as `{ error: { code, message,
 * details } }` (API.md "Conventions"). Server faults are logged with the
 * correlation id that the body and the response header carry; the client gets
 * no internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const correlationId = correlationIdFor(request, response);
    const { status, body, serverFault } = toErrorResponse(exception, correlationId);
    if (serverFault) {
      this.logger.error({ status, code: body.error.code, err: loggableError(exception) }, `Request failed with ${status}`);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (isFhirPath(request.originalUrl ?? request.url)) {
      // A FHIR client reads errors as OperationOutcome (API.md "FHIR R4"), with the same code and fields.
      response.status(status).type(`${FHIR_JSON}; charset=utf-8`).send(JSON.stringify(toOperationOutcome(status, body)));
      return;
    }
    response.status(status).json(body);
  }
}
