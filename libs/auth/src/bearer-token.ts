import { tokenInvalid, tokenMissing } from './auth.errors';

/** The JWT of an `Authorization: Bearer <JWT>` header value, or a 401 DomainError. */
export function bearerToken(authorization: string | string[] | undefined): string {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  if (header === undefined || header.trim() === '') throw tokenMissing();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw tokenInvalid('the Authorization header must be "Bearer <JWT>"');
  return match[1];
}
