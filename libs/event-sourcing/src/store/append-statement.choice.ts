import { GENESIS_HASH } from '@app/audit';
import { APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM, APPEND_CREATING_STREAM, APPEND_EXTENDING_STREAM } from './append.sql';
import type { AppendRequest } from './event-store.types';
import type { NamedQuery } from './named-query';

/**
 * The cheapest statement that is correct for this append: a plain insert for
 * a stream that cannot exist yet (autocommit; its audit chain, if any, starts
 * at the genesis), an upsert when a conflict must not abort a caller's
 * transaction or the stream may hold audit entries only, an update otherwise.
 */
export function chooseAppendStatement(request: AppendRequest): NamedQuery {
  if (request.expectedVersion > 0) return APPEND_EXTENDING_STREAM;
  const startsChain = !request.auditEntry || request.auditEntry.entry.prevHash === GENESIS_HASH;
  return startsChain && !request.manager ? APPEND_CREATING_STREAM : APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM;
}
