import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { eventContract, type EventEnvelope } from '@app/contracts';
import { createTestDatabase, testKafkaConnection, uniqueTopic, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { IdempotentConsumerFactory } from './consumer/idempotent-consumer.factory';
import { CreateInbox1764300100000 } from './consumer/inbox.migration';
import { MessagingModule } from './messaging.module';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { OutboxSignal } from './outbox/outbox-signal';
import { CreateOutbox1764300000000 } from './outbox/outbox.migration';

jest.setTimeout(120_000);

const topic = uniqueTopic('messaging-module');
/** The test's own published events, as a context declares its contract in libs/contracts. */
const NOTES_V1 = eventContract<{ NoteWritten: { text: string } }>(topic, { NoteWritten: 1 });

@Injectable()
class NoteTaker {
  constructor(@Inject(IdempotentConsumerFactory) factory: IdempotentConsumerFactory) {
    factory
      .create({ purpose: 'notes', contract: NOTES_V1, ensureTopics: 1 })
      .on('NoteWritten', async (envelope, { manager }) => {
        await manager.query(`INSERT INTO notes (event_id, text) VALUES ($1, $2)`, [envelope.id, envelope.data.text]);
      });
  }
}

@Module({})
class TestDatabaseModule {
  static of(dataSource: DataSource): DynamicModule {
    return {
      module: TestDatabaseModule,
      global: true,
      providers: [{ provide: DataSource, useValue: dataSource }],
      exports: [DataSource],
    };
  }
}

describe('MessagingModule (Nest wiring, real Kafka and Postgres)', () => {
  let db: TestDatabase;
  let app: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase([CreateOutbox1764300000000, CreateInbox1764300100000]);
    await db.dataSource.query(`CREATE TABLE notes (event_id uuid PRIMARY KEY, text text NOT NULL)`);
    app = await Test.createTestingModule({
      imports: [
        TestDatabaseModule.of(db.dataSource),
        MessagingModule.forRoot({
          serviceName: 'messaging-module-test',
          ...testKafkaConnection(),
          relay: { pollIntervalMs: 100 },
        }),
      ],
      providers: [NoteTaker],
    }).compile();
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('carries an outbox row through the relay and Kafka to a consumer of the same service', async () => {
    const envelope: EventEnvelope<{ text: string }> = {
      id: uuidv7(),
      type: 'NoteWritten',
      schemaVersion: 1,
      streamId: 'note-1',
      streamType: 'Note',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: uuidv7(),
      causationId: null,
      actor: { id: 'system', role: 'system' },
      data: { text: 'hello' },
    };
    await db.dataSource.query(`INSERT INTO outbox (topic, message_key, payload) VALUES ($1, $2, $3)`, [
      topic,
      envelope.streamId,
      JSON.stringify(envelope),
    ]);
    app.get(OutboxSignal).notify();

    const deadline = Date.now() + 60_000;
    let notes: Array<{ event_id: string; text: string }> = [];
    while (notes.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      notes = await db.dataSource.query(`SELECT event_id, text FROM notes`);
    }
    expect(notes).toEqual([{ event_id: envelope.id, text: 'hello' }]);
    expect(app.get(OutboxRelayService).isLeader).toBe(true);
    expect(Number((await db.dataSource.query(`SELECT count(*) AS n FROM outbox`))[0].n)).toBe(0);
  });
});
