import { DomainError } from '@app/contracts';
import { isInfrastructureError } from './infrastructure-error';

const coded = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });

describe('isInfrastructureError', () => {
  it.each([
    ['a refused connection', coded('ECONNREFUSED')],
    ['a Postgres connection exception (class 08)', coded('08006')],
    ['an administrator shutdown', coded('57P01')],
    ['too many connections', coded('53300')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a wrapped driver error', Object.assign(new Error('query failed'), { driverError: coded('ECONNRESET') })],
  ])('is true for %s', (_case, error) => {
    expect(isInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a domain error', new DomainError('CLAIM.NOT_BILLABLE', 'not billable', 'rule')],
    ['a unique violation', coded('23505')],
    ['a plain error', new Error('boom')],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('is false for %s', (_case, error) => {
    expect(isInfrastructureError(error)).toBe(false);
  });
});
