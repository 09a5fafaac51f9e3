import { GENESIS_HASH } from '@app/audit';
import type { EntityManager } from 'typeorm';
import { APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM, APPEND_CREATING_STREAM, APPEND_EXTENDING_STREAM } from './append.sql';
import { chooseAppendStatement } from './append-statement.choice';
import type { AppendRequest } from './event-store.types';

const request = (expectedVersion: number, prevHash?: string, manager?: EntityManager): AppendRequest => ({
  streamId: 's:1',
  streamType: 's',
  expectedVersion,
  events: [],
  outbox: [],
  auditEntry: prevHash === undefined ? undefined : { entry: { prevHash } as never, hash: 'h'.repeat(64) },
  manager,
});

describe('chooseAppendStatement', () => {
  it('updates a stream that already has events', () => {
    expect(chooseAppendStatement(request(3, 'a'.repeat(64)))).toBe(APPEND_EXTENDING_STREAM);
  });

  it('plainly inserts a stream that cannot exist yet', () => {
    expect(chooseAppendStatement(request(0))).toBe(APPEND_CREATING_STREAM);
    expect(chooseAppendStatement(request(0, GENESIS_HASH))).toBe(APPEND_CREATING_STREAM);
  });

  it('upserts when the stream may hold audit entries only', () => {
    expect(chooseAppendStatement(request(0, 'a'.repeat(64)))).toBe(APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM);
  });

  it('upserts inside a caller transaction, so a conflict does not abort it', () => {
    expect(chooseAppendStatement(request(0, GENESIS_HASH, {} as EntityManager))).toBe(APPEND_CREATING_OR_EXTENDING_EMPTY_STREAM);
  });
});
