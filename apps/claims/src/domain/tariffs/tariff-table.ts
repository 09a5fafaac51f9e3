import { INDICATION_CODES, type IndicationCode } from '@app/contracts';
import { z } from 'zod';
import type { Period } from '../billing/period';

/*
 * The tariffs of remote monitoring, as data (they change by arrêté, the
 * tranches twice a year): each version with its validity, in integer cents.
 * A claim uses the version in force on its period's last day and names it.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const cents = z.number().int().nonnegative();
const date = z.string().regex(DATE, 'must be a date YYYY-MM-DD');
const lppCode = z.string().regex(/^\d{7}$/, 'must be a 7-digit LPP code');
const percent = z.number().int().min(0).max(100);

const levelSchema = z.object({
  level: z.number().int().positive(),
  code: z.string().min(1),
  amountCents: cents,
  indications: z.array(z.enum(INDICATION_CODES)).min(1),
});

const trancheSchema = z.object({ fromPatients: z.number().int().nonnegative(), amountCents: cents });

// Every indication is named, so an indication with no code is a choice written down, not an omission.
const lppCodesSchema = z.object(
  Object.fromEntries(INDICATION_CODES.map((indication) => [indication, z.array(lppCode)])) as Record<IndicationCode, z.ZodArray<typeof lppCode>>,
);

const versionSchema = z.object({
  version: z.string().min(1),
  validFrom: date,
  validUntil: date.nullable(),
  operator: z.object({ levels: z.array(levelSchema).min(1) }),
  technical: z.object({
    lppCodes: lppCodesSchema,
    tranches: z.array(trancheSchema).min(1),
    floorCents: cents,
  }),
  amoRatePercent: z.object({ ald: percent, default: percent }),
  operatorMaxMonths: z.number().int().positive(),
});

const tableSchema = z.object({ versions: z.array(versionSchema).min(1) });

export type OperatorLevel = z.infer<typeof levelSchema>;
export type Tranche = z.infer<typeof trancheSchema>;
export type TariffVersion = z.infer<typeof versionSchema>;
/** The versions, oldest first, their validities disjoint. */
export type TariffTable = { versions: TariffVersion[] };

/** A tariff table that cannot be used, naming the field (`versions[0].technical.tranches[2].amountCents`). */
export class TariffTableError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`tariff table: ${field}: ${reason}`);
    this.name = 'TariffTableError';
  }
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(root)';

/** What the schema cannot say: tranches in order from 0, one operator level per indication, disjoint validities. */
function checkCoherence(table: TariffTable): void {
  const seen = new Set<string>();
  table.versions.forEach((version, v) => {
    const at = `versions[${v}]`;
    if (seen.has(version.version)) throw new TariffTableError(`${at}.version`, `"${version.version}" appears twice`);
    seen.add(version.version);
    if (version.validUntil !== null && version.validUntil < version.validFrom) throw new TariffTableError(`${at}.validUntil`, 'is before validFrom');
    const { tranches } = version.technical;
    if (tranches[0].fromPatients !== 0) throw new TariffTableError(`${at}.technical.tranches[0].fromPatients`, 'the first tranche starts at 0 patients');
    tranches.forEach((tranche, t) => {
      if (t > 0 && tranche.fromPatients <= tranches[t - 1].fromPatients) {
        throw new TariffTableError(`${at}.technical.tranches[${t}].fromPatients`, 'tranches go up in patients, each above the one before');
      }
    });
    for (const indication of INDICATION_CODES) {
      const levels = version.operator.levels.filter((level) => level.indications.includes(indication));
      if (levels.length !== 1) throw new TariffTableError(`${at}.operator.levels`, `${indication} must be in exactly one level (found ${levels.length})`);
    }
  });
  for (let v = 1; v < table.versions.length; v += 1) {
    const before = table.versions[v - 1];
    if (before.validUntil === null || before.validUntil >= table.versions[v].validFrom) {
      throw new TariffTableError(`versions[${v}].validFrom`, `overlaps version "${before.version}" (versions are listed oldest first, validities disjoint)`);
    }
  }
}

/** The table as data gives it, validated; throws a TariffTableError naming the first wrong field. */
export function parseTariffTable(json: unknown): TariffTable {
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new TariffTableError(pathOf(issue.path), issue.message);
  }
  const table: TariffTable = parsed.data;
  checkCoherence(table);
  return table;
}

/** The version whose validity holds the period's last day (a change mid-month applies to that whole month). */
export function tariffInForce(table: TariffTable, period: Pick<Period, 'lastDay'>): TariffVersion | null {
  const day = period.lastDay;
  return table.versions.find((version) => version.validFrom <= day && (version.validUntil === null || day <= version.validUntil)) ?? null;
}

/** The technical fee's tranche for a file active (whole patients: 4,999.5 is not yet 5,000), never below the floor. */
export function technicalTranche(version: TariffVersion, patients: number): { fromPatients: number; amountCents: number } {
  const whole = Math.floor(patients);
  const tranche = [...version.technical.tranches].reverse().find((candidate) => candidate.fromPatients <= whole) ?? version.technical.tranches[0];
  return { fromPatients: tranche.fromPatients, amountCents: Math.max(tranche.amountCents, version.technical.floorCents) };
}

/** The operator fee's level for an indication. */
export const operatorLevelOf = (version: TariffVersion, indication: IndicationCode): OperatorLevel | null =>
  version.operator.levels.find((level) => level.indications.includes(indication)) ?? null;
