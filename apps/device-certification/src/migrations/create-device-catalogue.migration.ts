import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue read model: one row per device, rebuilt from the events at will.
 * `resource` is the API representation; the other columns serve the filters,
 * the visibility rule and the expiry sweep.
 */
export class CreateDeviceCatalogue1764301000000 implements MigrationInterface {
  name = 'CreateDeviceCatalogue1764301000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE device_catalogue (
        id uuid PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        manufacturer_siret char(14) NOT NULL,
        indications text[] NOT NULL,
        certified_indications text[] NOT NULL DEFAULT '{}',
        valid_until timestamptz,
        resource jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX device_catalogue_status_idx ON device_catalogue (status, created_at)`);
    await queryRunner.query(
      `CREATE INDEX device_catalogue_expiry_idx ON device_catalogue (valid_until) WHERE status IN ('CERTIFIED', 'SUSPENDED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE device_catalogue`);
  }
}
