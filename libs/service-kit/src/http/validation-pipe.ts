import { type BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { invalidRequest } from './invalid-request';
import { validationErrorsToDetails } from './validation-details';

/** The 400 answer for a body (or query) that fails its DTO. */
export const validationFailure = (errors: ValidationError[]): BadRequestException => invalidRequest(validationErrorsToDetails(errors));

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
