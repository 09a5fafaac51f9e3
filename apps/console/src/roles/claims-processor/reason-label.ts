import type { TFunction } from 'i18next';
import type { ReasonCode } from './claim-api';

/** A reason code in the console's words, else the API's own label, else the code itself. */
export function reasonLabel(t: TFunction, code: string, codes: readonly ReasonCode[] = []): string {
  const fromApi = codes.find((reason) => reason.code === code)?.label;
  return t(`reasons.${code}`, { ns: 'claims-processor', defaultValue: fromApi ?? code });
}
