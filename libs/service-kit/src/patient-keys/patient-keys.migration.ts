import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertSchemaName } from '../database/schema-name';

/**
 * The `patient_keys` schema (ARCHITECTURE.md "Privacy by design"): one row per
 * generation of a patient's data key, wrapped by a master key version. No
 * role but its owner touches the table: the services reach it through the
 * SECURITY DEFINER functions below, granted per right (patient-key-rights.ts).
 *
 * An erased generation keeps its row as a tombstone (`destroyed_at`, no
 * `wrapped`): its generation number is never issued again, so a ciphertext
 * naming it reads "erased" forever, and the patient's next write gets a new
 * generation.
 *
 * Every function: owned by the schema's owner, `SET search_path = pg_catalog,
 * pg_temp` and qualified names (a caller's search_path cannot substitute a
 * table or operator), EXECUTE revoked from PUBLIC. The schema is the one the
 * migration runs in (a test migrates a fresh one), written into the bodies.
 */
export class CreatePatientKeys1765000000000 implements MigrationInterface {
  name = 'CreatePatientKeys1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = (await queryRunner.query(`SELECT current_schema() AS schema`)) as { schema: string }[];
    const s = assertSchemaName(schema);
    // Functions this role creates later are not executable by PUBLIC either (a per-schema default cannot revoke).
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`);
    await queryRunner.query(`
      CREATE TABLE ${s}.data_keys (
        pseudonym text NOT NULL CONSTRAINT data_keys_pseudonym_is_hex CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
        generation integer NOT NULL CONSTRAINT data_keys_generation_positive CHECK (generation >= 1),
        master_version integer NOT NULL CONSTRAINT data_keys_master_version_positive CHECK (master_version >= 1),
        wrapped bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        PRIMARY KEY (pseudonym, generation),
        CONSTRAINT data_keys_destroyed_holds_no_key CHECK ((wrapped IS NULL) = (destroyed_at IS NOT NULL))
      )`);
    await queryRunner.query(`REVOKE ALL ON TABLE ${s}.data_keys FROM PUBLIC`);
    // At most one live generation per patient: the one new ciphertexts are written under.
    await queryRunner.query(`CREATE UNIQUE INDEX data_keys_one_live_per_patient ON ${s}.data_keys (pseudonym) WHERE destroyed_at IS NULL`);
    // Created by the migrating role, the schema's owner: the functions run with its rights.
    for (const [signature, body] of functions(s)) await queryRunner.query(`CREATE FUNCTION ${s}.${signature} ${body}`);
    for (const signature of FUNCTION_SIGNATURES) await queryRunner.query(`REVOKE ALL ON FUNCTION ${s}.${signature} FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = (await queryRunner.query(`SELECT current_schema() AS schema`)) as { schema: string }[];
    const s = assertSchemaName(schema);
    for (const signature of FUNCTION_SIGNATURES) await queryRunner.query(`DROP FUNCTION ${s}.${signature}`);
    await queryRunner.query(`DROP TABLE ${s}.data_keys`);
  }
}

/** The functions' argument signatures, as GRANT and REVOKE name them. */
export const FUNCTION_SIGNATURES = [
  'data_keys_of(text)',
  'issue_data_key(text, integer, integer, bytea)',
  'erase_patient(text)',
  'keys_to_rewrap(integer, text, integer, integer)',
  'rewrap_data_key(text, integer, integer, bytea, integer, bytea)',
] as const;

const DEFINER = `SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;

/** Issuing and erasing take this lock, so they serialise per patient (two first prescriptions, or one during an erasure). */
const patientLock = (s: string) => `PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('${s}.data_keys:' || p_pseudonym, 0));`;

function functions(s: string): [string, string][] {
  return [
    [
      // Holders: every generation of a patient; a destroyed one has no key (wrapped NULL).
      `data_keys_of(p_pseudonym text) RETURNS TABLE (generation integer, master_version integer, wrapped bytea, destroyed boolean)`,
      `LANGUAGE sql STABLE ${DEFINER} AS $fn$
        SELECT k.generation, k.master_version, k.wrapped, k.destroyed_at IS NOT NULL
          FROM ${s}.data_keys k WHERE k.pseudonym = p_pseudonym ORDER BY k.generation
      $fn$`,
    ],
    [
      // Holders: the live key, or the caller's freshly wrapped one as `p_generation` when there is none and
      // it is the next generation; nothing when it is not (the caller reads again and wraps for the right one).
      `issue_data_key(p_pseudonym text, p_generation integer, p_master_version integer, p_wrapped bytea)
        RETURNS TABLE (generation integer, master_version integer, wrapped bytea)`,
      `LANGUAGE plpgsql VOLATILE ${DEFINER} AS $fn$
      #variable_conflict use_column
      DECLARE next_generation integer;
      BEGIN
        ${patientLock(s)}
        -- Under the lock, a concurrent first issue has committed or rolled back: this statement sees which.
        RETURN QUERY SELECT k.generation, k.master_version, k.wrapped FROM ${s}.data_keys k
                      WHERE k.pseudonym = p_pseudonym AND k.destroyed_at IS NULL;
        IF FOUND THEN RETURN; END IF;
        SELECT COALESCE(max(k.generation), 0) + 1 INTO next_generation FROM ${s}.data_keys k WHERE k.pseudonym = p_pseudonym;
        IF p_generation IS DISTINCT FROM next_generation THEN RETURN; END IF;
        RETURN QUERY INSERT INTO ${s}.data_keys AS k (pseudonym, generation, master_version, wrapped)
                     VALUES (p_pseudonym, p_generation, p_master_version, p_wrapped)
                     RETURNING k.generation, k.master_version, k.wrapped;
      END
      $fn$`,
    ],
    [
      // The eraser: destroys every live generation once; `known` whether the patient ever had a key.
      `erase_patient(p_pseudonym text) RETURNS TABLE (known boolean, destroyed integer)`,
      `LANGUAGE plpgsql VOLATILE ${DEFINER} AS $fn$
      DECLARE destroyed_now integer;
      BEGIN
        ${patientLock(s)}
        UPDATE ${s}.data_keys k SET wrapped = NULL, destroyed_at = pg_catalog.now()
         WHERE k.pseudonym = p_pseudonym AND k.destroyed_at IS NULL;
        GET DIAGNOSTICS destroyed_now = ROW_COUNT;
        RETURN QUERY SELECT EXISTS (SELECT 1 FROM ${s}.data_keys k WHERE k.pseudonym = p_pseudonym), destroyed_now;
      END
      $fn$`,
    ],
    [
      // The rotator: live keys under another master version than p_master_version, after a (pseudonym, generation), in order.
      `keys_to_rewrap(p_master_version integer, p_after_pseudonym text, p_after_generation integer, p_limit integer)
        RETURNS TABLE (pseudonym text, generation integer, master_version integer, wrapped bytea)`,
      `LANGUAGE sql STABLE ${DEFINER} AS $fn$
        SELECT k.pseudonym, k.generation, k.master_version, k.wrapped FROM ${s}.data_keys k
         WHERE k.destroyed_at IS NULL AND k.master_version <> p_master_version
           AND (k.pseudonym, k.generation) > (p_after_pseudonym, p_after_generation)
         ORDER BY k.pseudonym, k.generation
         LIMIT LEAST(GREATEST(p_limit, 1), 10000)
      $fn$`,
    ],
    [
      // The rotator: compare-and-set; false when the key changed meanwhile (erased, or re-wrapped by another run).
      `rewrap_data_key(p_pseudonym text, p_generation integer, p_from_version integer, p_from_wrapped bytea,
                       p_to_version integer, p_to_wrapped bytea) RETURNS boolean`,
      `LANGUAGE plpgsql VOLATILE ${DEFINER} AS $fn$
      BEGIN
        UPDATE ${s}.data_keys k SET master_version = p_to_version, wrapped = p_to_wrapped
         WHERE k.pseudonym = p_pseudonym AND k.generation = p_generation AND k.destroyed_at IS NULL
           AND k.master_version = p_from_version AND k.wrapped = p_from_wrapped;
        RETURN FOUND;
      END
      $fn$`,
    ],
  ];
}

/** The migrations of the `patient_keys` schema (no service-kit tables: no service runs in it). */
export const patientKeysMigrations = [CreatePatientKeys1765000000000];
