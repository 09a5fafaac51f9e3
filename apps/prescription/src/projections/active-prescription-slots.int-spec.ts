import { createTestDatabase, type TestDatabase } from '@app/testing';
import { v7 as uuidv7 } from 'uuid';
import { migrations } from '../migrations';
import { ActivePrescriptionSlotsRepository } from './active-prescription-slots.repository';

describe('active prescription slots (real Postgres)', () => {
  let db: TestDatabase;
  const pseudonym = 'c'.repeat(64);
  const slots = new ActivePrescriptionSlotsRepository();

  beforeAll(async () => {
    db = await createTestDatabase(migrations);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('makes the second of two overlapping transactions wait for the first, then lose', async () => {
    const first = db.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    const winner = uuidv7();
    const slot = { patientPseudonym: pseudonym, indication: 'HEART_FAILURE', renewalOf: null };
    await expect(slots.claim(first.manager, { ...slot, prescriptionId: winner })).resolves.toBe(true);

    let settled = false;
    const second = db.dataSource
      .transaction((manager) => slots.claim(manager, { ...slot, prescriptionId: uuidv7() }))
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    await first.commitTransaction();
    await first.release();
    await expect(second).resolves.toBe(false);
    expect(await db.dataSource.query('SELECT prescription_id FROM active_prescription_slots')).toEqual([{ prescription_id: winner }]);
  });

  it('lets a renewal take over the renewed prescription slot, and only that one', async () => {
    const renewed = uuidv7();
    const slot = { patientPseudonym: 'd'.repeat(64), indication: 'DIABETES' };
    const claim = (prescriptionId: string, renewalOf: string | null) =>
      db.dataSource.transaction((manager) => slots.claim(manager, { ...slot, prescriptionId, renewalOf }));
    expect(await claim(renewed, null)).toBe(true);
    expect(await claim(uuidv7(), uuidv7())).toBe(false);
    const renewal = uuidv7();
    expect(await claim(renewal, renewed)).toBe(true);
    expect(await claim(uuidv7(), renewed)).toBe(false);
    const rows = await db.dataSource.query('SELECT prescription_id FROM active_prescription_slots WHERE indication = $1', ['DIABETES']);
    expect(rows).toEqual([{ prescription_id: renewal }]);
  });
});
