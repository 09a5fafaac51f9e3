/**
 * Injection token of the tariff table in force (`TariffTable`, parsed from
 * `TARIFFS_FILE` at start-up): `@Inject(TARIFF_TABLE) tariffs: TariffTable`.
 */
export const TARIFF_TABLE = Symbol('TARIFF_TABLE');
