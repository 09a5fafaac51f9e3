import { FHIR_JSON } from '@app/fhir';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';

/** Set before the handler runs: Express's `json()` keeps a Content-Type already set. */
@Injectable()
export class FhirContentTypeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    context.switchToHttp().getResponse<Response>().setHeader('content-type', `${FHIR_JSON}; charset=utf-8`);
    return next.handle();
  }
}
