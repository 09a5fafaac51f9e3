import { hashAuditEntry } from '@app/audit';
import { TOPICS, type SubjectRef } from '@app/contracts';
import { collectMessages, collectorGroupAtEnd, produceMessages } from '@app/testing';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } from 'kafkajs';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { AuditStream, draft } from '../apps/audit-ledger/src/testing/audit-stream.fixture';
import { startAuditLedger, tokens, waitFor, type AuditLedgerTestApp } from '../apps/audit-ledger/src/testing/audit-ledger.test-app';
import { adminConnection } from '../scripts/infra/admin-connection';
import { readBrokerCredentials } from '../scripts/infra/broker-credentials';
import { kafkaSettings } from '../scripts/infra/kafka-settings';

jest.setTimeout(120_000);

/**
 * The attack of issue 9, replayed on the authenticated broker: a principal
 * that may write audit entries (here `prescription`, given WRITE on the
 * ledger's topic exactly as on audit.entries.v1) publishes an entry for a
 * made-up prescription with `prevHash` the genesis, a correct SHA-256,
 * `service: "device-certification"` and no seal or its own key's seal. The
 * broker lets it through; the ledger does not: quarantined, raised, and the
 * next genuine entry appended at once.
 */
describe('a forged audit entry from a principal allowed to write audit entries (SASL broker with ACLs, real ledger)', () => {
  const settings = kafkaSettings();
  const admin = new Kafka({ clientId: 'forgery-test-admin', ...adminConnection(settings), logLevel: logLevel.NOTHING }).admin();
  let t: AuditLedgerTestApp;
  let acl: Parameters<typeof admin.createAcls>[0]['acl'][number];

  beforeAll(async () => {
    t = await startAuditLedger();
    await admin.connect();
    acl = {
      resourceType: AclResourceTypes.TOPIC,
      resourceName: t.topic,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal: 'User:prescription',
      host: '*',
      operation: AclOperationTypes.WRITE,
      permissionType: AclPermissionTypes.ALLOW,
    };
    await admin.createAcls({ acl: [acl] });
  });
  afterAll(async () => {
    await admin.deleteAcls({ filters: [acl] }).catch(() => undefined);
    await admin.disconnect();
    await t?.close();
  });

  it('is quarantined with its reason and raised on audit.alerts.v1; the next genuine entry is appended', async () => {
    const password = readBrokerCredentials(settings)?.services.prescription;
    expect(password).toBeDefined();
    // The alerts are read from here: every ledger of every test raises its own on the same topic.
    const alertsGroup = await collectorGroupAtEnd(TOPICS.auditAlerts);
    const forger = new Kafka({
      clientId: 'forger',
      brokers: settings.brokers,
      sasl: { mechanism: 'scram-sha-512', username: 'prescription', password: password! },
      logLevel: logLevel.NOTHING,
    }).producer({ allowAutoTopicCreation: false });

    const madeUp: SubjectRef = `prescription:${uuidv7()}`;
    const vendor = { id: 'vendor-user', role: 'vendor' as const };
    // What the attacker can make: a well-formed entry of another service, unsealed or sealed with its own key.
    const asDeviceCertification = new AuditStream('device-certification', 'DeviceProduct');
    const { seal: _seal, ...unsealed } = asDeviceCertification.record(draft(vendor, 'prescription.issued', madeUp, [], 'ISSUED')).entry;
    const withOwnKey = new AuditStream('device-certification', 'DeviceProduct', new AuditStream('prescription', 'x').signingKey);
    const ownKeySealed = withOwnKey.record(draft(vendor, 'prescription.issued', madeUp, [], 'ISSUED'));
    const forgeries = [
      { ...asDeviceCertification.envelope({ entry: unsealed as never, hash: hashAuditEntry(unsealed as never) }), id: uuidv7() },
      { ...withOwnKey.envelope(ownKeySealed), id: uuidv7() },
    ];
    const genuineStream = new AuditStream('device-certification', 'DeviceProduct');
    const genuine = genuineStream.record(draft(vendor, 'device.registered', `device:${uuidv7()}`, [], 'REGISTERED'));

    await forger.connect();
    try {
      await forger.send({
        topic: t.topic,
        acks: -1,
        messages: forgeries.map((f) => ({ key: f.streamId, value: JSON.stringify(f) })),
      });
    } finally {
      await forger.disconnect();
    }
    await produceMessages(t.topic, [{ key: genuineStream.id, value: JSON.stringify(genuineStream.envelope(genuine)) }]);

    const appended = async () =>
      (await t.dataSource.query(`SELECT entry_id FROM ledger_entries`)).map((r: { entry_id: string }) => r.entry_id) as string[];
    await waitFor(async () => (await appended()).includes(genuine.entry.id) || undefined, 'the genuine entry');
    const ids = forgeries.map((f) => (f.data as { entry: { id: string } }).entry.id);

    // The forgeries' streams may sit on other partitions than the genuine one: wait for their rows too.
    const reasonsOf = async () => {
      const page = await request(t.app.getHttpServer()).get('/v1/ledger/quarantine?pageSize=200').set('Authorization', tokens.auditor).expect(200);
      return ids.map((id) => page.body.items.find((i: { entryId: string }) => i.entryId === id)?.reason as string | undefined);
    };
    const reasons = await waitFor(async () => {
      const found = await reasonsOf();
      return found.every(Boolean) ? found : undefined;
    }, 'the quarantined forgeries');
    expect(reasons).toEqual(['SEAL_MISSING', 'SIGNER_UNKNOWN']);
    const inLedger = await appended();
    expect(ids.filter((id) => inLedger.includes(id))).toEqual([]);
    const entriesOfMadeUp = await request(t.app.getHttpServer())
      .get(`/v1/ledger/entries?subject=${madeUp}`)
      .set('Authorization', tokens.auditor)
      .expect(200);
    expect(entriesOfMadeUp.body.items).toEqual([]);

    const alerts = await collectMessages(TOPICS.auditAlerts, {
      groupId: alertsGroup,
      until: (messages) => ids.every((id) => messages.some((m) => JSON.stringify(m.value).includes(id))),
    });
    expect(ids.every((id) => alerts.some((m) => JSON.stringify(m.value).includes(id)))).toBe(true);
  });
});
