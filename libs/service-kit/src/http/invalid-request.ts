import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, type ErrorBody, type ErrorDetail } from '@app/contracts';

/** The 400 `REQUEST.VALIDATION_FAILED` answer naming each bad field (API.md "Conventions"). */
export function invalidRequest(details: ErrorDetail[]): BadRequestException {
  const fields = details.map((detail) => detail.field).join(', ');
  const body: ErrorBody = {
    error: { code: ERROR_CODES.validationFailed, message: `Invalid request: ${fields}`, details },
  };
  return new BadRequestException(body);
}
