import { GENESIS_HASH, hashAuditEntry } from '@app/audit';
import { type TestDatabase, createTestDatabase } from '@app/testing';
import { fullAppend } from '../fixtures/append.fixture';
import { eventStoreMigrations } from '../migrations/event-store.migrations';
import { EventStore } from '../store/event-store';
import { AuditTrailVerifier } from './audit-trail-verifier';

describe('AuditTrailVerifier (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let verifier: AuditTrailVerifier;
  const streams = ['thing:a', 'thing:b', 'thing:c'];

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations, 5);
    store = new EventStore(db.dataSource);
    // A page smaller than the trail, so verifyAll crosses page boundaries inside a chain.
    verifier = new AuditTrailVerifier(store, 2);
    for (const streamId of streams) {
      let head = GENESIS_HASH;
      for (let version = 0; version < 3; version += 1) {
        await store.appendToStream(fullAppend(streamId, version, head));
        head = (await store.readStream(streamId)).auditHeadHash;
      }
    }
  });
  afterAll(() => db.drop());

  const entries = async (): Promise<Array<{ id: string; stream_id: string; seq: number }>> =>
    db.dataSource.query(`SELECT id, stream_id, seq FROM audit_entries ORDER BY stream_id, seq`);

  it('accepts untouched chains', async () => {
    expect(await verifier.verifyAll()).toEqual({ ok: true, streams: 3, entries: 9 });
    expect(await verifier.verifyStream('thing:b')).toEqual({ ok: true, streamId: 'thing:b', entries: 3 });
  });

  it('names every edited entry, whichever it is', async () => {
    for (const { id, stream_id, seq } of await entries()) {
      await db.dataSource.query(
        `UPDATE audit_entries SET entry = jsonb_set(entry, '{decision}', '"refused"') WHERE id = $1`,
        [id],
      );
      const named = { ok: false, streamId: stream_id, brokenAt: { index: seq - 1, entryId: id, reason: 'HASH_MISMATCH' } };
      expect(await verifier.verifyStream(stream_id)).toEqual(named);
      expect(await verifier.verifyAll()).toEqual(named);
      await db.dataSource.query(
        `UPDATE audit_entries SET entry = jsonb_set(entry, '{decision}', '"accepted"') WHERE id = $1`,
        [id],
      );
    }
    expect((await verifier.verifyAll()).ok).toBe(true);
  });

  it('names an entry whose hash was recomputed to match an edit (its successor no longer links)', async () => {
    const [first, second] = (await entries()).filter((e) => e.stream_id === 'thing:a');
    const [{ entry, hash }] = await db.dataSource.query(`SELECT entry, hash FROM audit_entries WHERE id = $1`, [first.id]);
    const forged = { ...entry, evidence: { forged: true } };
    await db.dataSource.query(`UPDATE audit_entries SET entry = $2, hash = $3 WHERE id = $1`, [first.id, forged, hashAuditEntry(forged)]);
    expect(await verifier.verifyStream('thing:a')).toMatchObject({
      ok: false,
      brokenAt: { index: 1, entryId: second.id, reason: 'PREV_HASH_MISMATCH' },
    });
    await db.dataSource.query(`UPDATE audit_entries SET entry = $2, hash = $3 WHERE id = $1`, [first.id, entry, hash]);
  });

  it('catches a removed last entry through the stream head', async () => {
    const last = (await entries()).filter((e) => e.stream_id === 'thing:c').at(-1)!;
    // TypeORM answers a DELETE with [rows, count].
    const [[row]] = await db.dataSource.query(`DELETE FROM audit_entries WHERE id = $1 RETURNING *`, [last.id]);
    expect(await verifier.verifyAll()).toMatchObject({ ok: false, streamId: 'thing:c', brokenAt: { reason: 'HEAD_MISMATCH' } });
    await db.dataSource.query(
      `INSERT INTO audit_entries (id, stream_id, seq, entry, hash, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, row.stream_id, row.seq, row.entry, row.hash, row.recorded_at],
    );
    expect((await verifier.verifyAll()).ok).toBe(true);
  });
});
