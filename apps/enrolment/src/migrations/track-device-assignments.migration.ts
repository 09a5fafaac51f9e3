import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enrolmentDeviceId } from '../projections/enrolment-device-id';

/**
 * What the FHIR views need and the read model did not keep:
 * - `enrolment_devices`: every serial ever assigned to an enrolment (a
 *   Device each). `device_serials` holds only the serials in use, and forgets
 *   a replaced one; this table keeps them, so a replaced device is still served,
 *   inactive. Whether a serial is in use is read from its enrolment's row.
 * - `enrolments.ald`: the ALD exoneration of the prescription in force (the
 *   Coverage's "ALD link"), which the API resource does not carry.
 * Both are filled from the event store for the enrolments that exist already.
 */
export class TrackDeviceAssignments1764400000000 implements MigrationInterface {
  name = 'TrackDeviceAssignments1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolment_devices (
        id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL,
        udi_di text NOT NULL,
        serial_number text NOT NULL,
        assigned_at timestamptz NOT NULL,
        UNIQUE (enrolment_id, udi_di, serial_number)
      )`);
    await queryRunner.query(`CREATE INDEX enrolment_devices_order_idx ON enrolment_devices (assigned_at, id)`);
    await queryRunner.query(`ALTER TABLE enrolments ADD COLUMN ald boolean`);

    const assignments: Array<{ enrolmentId: string; data: { udiDi: string; serialNumber: string; assignedAt: string } }> = await queryRunner.query(
      `SELECT stream_id AS "enrolmentId", data FROM events WHERE stream_type = 'enrolment' AND type = 'DeviceAssigned' ORDER BY global_position`,
    );
    for (const { enrolmentId, data } of assignments) {
      await queryRunner.query(
        `INSERT INTO enrolment_devices (id, enrolment_id, udi_di, serial_number, assigned_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [enrolmentDeviceId(enrolmentId, data.udiDi, data.serialNumber, new Date(data.assignedAt)), enrolmentId, data.udiDi, data.serialNumber, data.assignedAt],
      );
    }
    // The prescription in force is the last one a creation or a renewal brought.
    await queryRunner.query(`
      UPDATE enrolments SET ald = (
        SELECT (data->'prescription'->>'ald')::boolean FROM events
         WHERE stream_id = enrolments.id::text AND type IN ('EnrolmentCreated', 'EnrolmentExtended')
         ORDER BY version DESC LIMIT 1)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE enrolments DROP COLUMN ald`);
    await queryRunner.query(`DROP TABLE enrolment_devices`);
  }
}
