import { BadRequestException, ConflictException, HttpException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { DomainError, type DomainErrorKind, ERROR_CODES } from '@app/contracts';
import { QueryFailedError } from 'typeorm';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it.each<[DomainErrorKind, number]>([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['too_large', 413],
    ['rule', 422],
  ])('maps a DomainError of kind %s to %d', (kind, status) => {
    const result = toErrorResponse(new DomainError('DEVICE.X', 'refused', kind));
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: { code: 'DEVICE.X', message: 'refused', details: [] } });
    expect(result.serverFault).toBe(false);
  });

  it('merges extra fields into the error, never over code, message or details', () => {
    const evaluation = { referentialVersion: 'HAS-2025', results: [] };
    const error = new DomainError('PRESCRIPTION.RULES_REFUSED', 'refused', 'rule', [{ code: 'BLOCK', message: 'm' }], {
      evaluation,
      attemptId: 'a1',
      code: 'HIJACK',
    });
    expect(toErrorResponse(error).body.error).toEqual({
      code: 'PRESCRIPTION.RULES_REFUSED',
      message: 'refused',
      details: [{ code: 'BLOCK', message: 'm' }],
      evaluation,
      attemptId: 'a1',
    });
  });

  it('maps an unmatched route to REQUEST.NOT_FOUND', () => {
    const result = toErrorResponse(new NotFoundException('Cannot GET /nowhere'));
    expect(result).toEqual({
      status: 404,
      body: { error: { code: ERROR_CODES.notFound, message: 'Cannot GET /nowhere', details: [] } },
      serverFault: false,
    });
  });

  it('keeps a body that already has the API.md shape (validation failures, replays)', () => {
    const body = { error: { code: ERROR_CODES.validationFailed, message: 'Invalid request: a', details: [] } };
    expect(toErrorResponse(new BadRequestException(body))).toMatchObject({ status: 400, body });
  });

  it('maps malformed JSON to a 400 naming it', () => {
    const result = toErrorResponse(new BadRequestException(`Expected property name or '}' in JSON at position 1`));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it("maps Express's refusal of a path segment that is not UTF-8 to a 400 naming the path", () => {
    // What Nest makes of the router's URIError for `/v1/devices/%ED%A0%80` (a lone surrogate, WTF-8 encoded).
    const result = toErrorResponse(new BadRequestException("Failed to decode param '%ED%A0%80'"));
    expect(result).toEqual({
      status: 400,
      body: {
        error: {
          code: ERROR_CODES.validationFailed,
          message: 'Invalid request: path',
          details: [{ field: 'path', code: 'MALFORMED_ENCODING', message: "the path segment '%ED%A0%80' is not percent-encoded UTF-8" }],
        },
      },
      serverFault: false,
    });
    // A segment spelling JSON is still about the path, not a malformed body.
    expect(toErrorResponse(new BadRequestException("Failed to decode param 'JSON%FF'")).body.error.details[0].field).toBe('path');
  });

  it('maps other Nest exceptions by status', () => {
    expect(toErrorResponse(new ConflictException('busy')).body.error).toMatchObject({ code: 'REQUEST.CONFLICT', message: 'busy' });
    expect(toErrorResponse(new HttpException('slow down', 429)).body.error.code).toBe('REQUEST.TOO_MANY_REQUESTS');
  });

  it('maps body-parser errors that may be shown (413)', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(toErrorResponse(tooLarge)).toMatchObject({ status: 413, body: { error: { code: 'REQUEST.TOO_LARGE' } } });
  });

  it('maps an unreachable database to 503 DEPENDENCY.UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const result = toErrorResponse(refused, 'corr-1');
    expect(result.status).toBe(503);
    expect(result.body.error).toMatchObject({ code: ERROR_CODES.dependencyUnavailable, correlationId: 'corr-1' });
    expect(result.serverFault).toBe(true);
  });

  it('maps a Postgres shutdown inside a TypeORM error to 503', () => {
    const driverError = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    });
    expect(toErrorResponse(new QueryFailedError('SELECT 1', [], driverError)).status).toBe(503);
  });

  it('does not take a constraint violation for an outage', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      severity: 'ERROR',
    });
    expect(toErrorResponse(new QueryFailedError('INSERT', [], driverError)).status).toBe(500);
  });

  it('maps a kafkajs connection error to 503', () => {
    const error = Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' });
    expect(toErrorResponse(error).status).toBe(503);
  });

  it('hides everything about an unexpected error', () => {
    const result = toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'nir')"), 'corr-2');
    expect(result).toEqual({
      status: 500,
      body: { error: { code: ERROR_CODES.internal, message: 'Internal error', details: [], correlationId: 'corr-2' } },
      serverFault: true,
    });
  });

  it('hides the message of a 5xx HttpException too', () => {
    const result = toErrorResponse(new InternalServerErrorException('password=secret in SQL'));
    expect(JSON.stringify(result.body)).not.toContain('secret');
    expect(result.status).toBe(500);
  });

  it('treats a thrown non-Error as internal', () => {
    expect(toErrorResponse('boom').status).toBe(500);
  });
});
