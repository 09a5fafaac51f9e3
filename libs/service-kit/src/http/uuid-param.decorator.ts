import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidRequest } from './invalid-request';

/**
 * A path parameter that must be a UUID (`:id` of every resource): a bad one is
 * the API's 400 REQUEST.VALIDATION_FAILED naming the parameter, like a bad
 * body field, not Nest's bare "Validation failed".
 */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => invalidRequest([{ field: name, code: 'IS_UUID', message: `${name} must be a UUID` }]),
    }),
  );
