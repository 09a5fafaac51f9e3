import { isPseudonym } from '@app/fr-health';
import { Param, type PipeTransform } from '@nestjs/common';
import { invalidRequest } from './invalid-request';

class PseudonymPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isPseudonym(value)) throw invalidRequest([{ field: this.name, code: 'IS_PSEUDONYM', message: `${this.name} must be 64 lowercase hex characters` }]);
    return value;
  }
}

/**
 * `:pseudonym`, a patient's HMAC pseudonym: anything else (a NIR, upper case
 * hex) is the API's 400 naming the parameter, and never reaches a query.
 */
export const PseudonymParam = (name = 'pseudonym'): ParameterDecorator => Param(name, new PseudonymPipe(name));
