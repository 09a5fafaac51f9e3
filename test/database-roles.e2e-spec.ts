import { TOPICS } from '@app/contracts';
import { ensureTopics } from '@app/messaging';
import { runMigrations, grantRuntimeRole, type ServiceRoles } from '@app/service-kit';
import { createTestRoles, dropTestRoles, testDatabaseUrl, testKafka } from '@app/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { migrations as deviceCertificationMigrations } from '../apps/device-certification/src/migrations';
import { DeviceCertificationFeed } from '../apps/prescription/src/testing/device-events.fixture';
import { prescriptionBody } from '../apps/prescription/src/testing/prescription-request.fixture';
import { startPrescription, tokens, type PrescriptionTestApp } from '../apps/prescription/src/testing/prescription.test-app';

/**
 * ARCHITECTURE.md "Trust inside the platform": each service connects as its
 * own role, which can use its own schema and nothing else. The prescription
 * service runs as its runtime role next to a device-certification schema
 * migrated by that service's owner role, as `npm run migrate` leaves them.
 */
describe('a service database role: its own schema only (real Postgres roles)', () => {
  let t: PrescriptionTestApp;
  let devices: ServiceRoles;
  const query = (sql: string) => t.dataSource.query(sql);

  beforeAll(async () => {
    await ensureTopics(testKafka(), [TOPICS.prescription, TOPICS.auditEntries]);
    devices = await createTestRoles(testDatabaseUrl(), `t_devicecert_${randomBytes(5).toString('hex')}`);
    const config = { DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_SIZE: 1 };
    await runMigrations(config, devices.schema, deviceCertificationMigrations, { asRole: devices.owner });
    await grantRuntimeRole(testDatabaseUrl(), devices, devices.owner);
    t = await startPrescription({ ownRoles: true });
  });
  afterAll(async () => {
    await t?.close();
    if (devices) await dropTestRoles(testDatabaseUrl(), devices);
  });

  it('connects as its runtime role, which has no power of its own', async () => {
    const [me] = await query(
      `SELECT current_user AS role, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toEqual({ role: t.roles!.runtime, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const [{ owner }] = await query(`SELECT tableowner AS owner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'events'`);
    expect(owner).toBe(t.roles!.owner);
  });

  it("cannot read the device-certification service's tables", async () => {
    for (const table of ['events', 'streams', 'device_catalogue', 'outbox']) {
      await expect(query(`SELECT count(*) FROM ${devices.schema}.${table}`)).rejects.toThrow(`permission denied for schema ${devices.schema}`);
    }
  });

  it('cannot create objects anywhere, not even in its own schema (DDL is the owner role\'s, through migrations)', async () => {
    await expect(query('CREATE TABLE public.smuggled (id int)')).rejects.toThrow('permission denied for schema public');
    await expect(query(`CREATE TABLE ${devices.schema}.smuggled (id int)`)).rejects.toThrow(`permission denied for schema ${devices.schema}`);
    await expect(query(`CREATE TABLE ${t.schema}.smuggled (id int)`)).rejects.toThrow(`permission denied for schema ${t.schema}`);
    await expect(query('CREATE TEMPORARY TABLE smuggled (id int)')).rejects.toThrow('permission denied to create temporary tables');
    await expect(query('CREATE SCHEMA smuggled')).rejects.toThrow('permission denied for database');
    await expect(query('TRUNCATE events')).rejects.toThrow('permission denied for table events');
    await expect(query('DROP TABLE events')).rejects.toThrow('must be owner of table events');
  });

  it('does its whole job in its own schema: consumes certifications, issues with an Idempotency-Key, cancels, relays', async () => {
    const device = await new DeviceCertificationFeed(t.dataSource).certify();
    const body = prescriptionBody(device.deviceId);
    const issue = () =>
      request(t.app.getHttpServer()).post('/v1/prescriptions').set('Authorization', tokens.cardiologist).set('Idempotency-Key', `roles-${t.schema}`).send(body);
    const issued = await issue().expect(201);
    expect((await issue().expect(201)).body).toEqual(issued.body);
    const id = issued.body.id as string;
    await request(t.app.getHttpServer())
      .post(`/v1/prescriptions/${id}/cancellation`)
      .set('Authorization', tokens.cardiologist)
      .send({ reason: 'patient moved abroad' })
      .expect(200);
    expect(await query(`SELECT count(*)::int AS n FROM audit_entries WHERE stream_id = '${id}'`)).toEqual([{ n: 2 }]);
    // The relay (leader lock, LISTEN/NOTIFY wake-up, publish, delete) empties the outbox as this role too.
    const deadline = Date.now() + 20_000;
    while ((await query('SELECT count(*)::int AS n FROM outbox'))[0].n > 0) {
      if (Date.now() > deadline) throw new Error('the outbox was not relayed by the runtime role');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
