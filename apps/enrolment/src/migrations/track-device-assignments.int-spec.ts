import { EnrolmentFeed } from '../testing/enrolment-feed.fixture';
import { enrolmentTokens, startEnrolment, type EnrolmentTestApp } from '../testing/enrolment.test-app';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { TrackDeviceAssignments1764400000000 } from './track-device-assignments.migration';

jest.setTimeout(120_000);

/**
 * The migration fills what the projection writes from then on, from the
 * event store: every serial an enrolment held (a replaced one too), with
 * the ids the projection gives them, and the ALD link of each enrolment.
 */
describe('TrackDeviceAssignments migration (Postgres, Kafka)', () => {
  let t: EnrolmentTestApp;

  beforeAll(async () => {
    t = await startEnrolment();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('fills enrolment_devices and enrolments.ald from the events as the projection wrote them', async () => {
    const feed = new EnrolmentFeed(t, { operatorOrg: `OP-MIG-${uuidv7().slice(-8)}` });
    const active = await feed.activeEnrolment();
    const operator = enrolmentTokens.operatorOf(active.operatorOrg);
    await request(t.app.getHttpServer())
      .post(`/v1/enrolments/${active.enrolmentId}/device`)
      .set('Authorization', operator)
      .send({ serialNumber: `SN-${uuidv7().slice(-12)}`, udiDi: active.udiDi })
      .expect(200);
    const read = () =>
      Promise.all([
        t.dataSource.query(`SELECT id, udi_di, serial_number, assigned_at FROM enrolment_devices WHERE enrolment_id = $1 ORDER BY assigned_at`, [active.enrolmentId]),
        t.dataSource.query(`SELECT ald FROM enrolments WHERE id = $1`, [active.enrolmentId]),
      ]);
    const written = await read();
    expect(written[0]).toHaveLength(2);
    expect(written[1]).toEqual([{ ald: true }]);

    const migration = new TrackDeviceAssignments1764400000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await read()).toEqual(written);
  });
});
