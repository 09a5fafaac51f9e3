import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { ERROR_CODES, type ErrorBody } from '@app/contracts';
import type { ValidationError } from 'class-validator';
import { validationErrorsToDetails } from './validation-details';

/** The 400 answer for a body (or query) that fails its DTO. */
export function validationFailure(errors: ValidationError[]): BadRequestException {
  const details = validationErrorsToDetails(errors);
  const fields = details.map((detail) => detail.field).join(', ');
  const body: ErrorBody = {
    error: { code: ERROR_CODES.validationFailed, message: `Invalid request: ${fields}`, details },
  };
  return new BadRequestException(body);
}

/**
 * The global pipe: unknown fields are refused (not silently dropped) so a typo
 * in an optional field is seen; DTO classes are instantiated for handlers.
 */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationFailure,
  });
