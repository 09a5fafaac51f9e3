import { parisDate } from '@app/fr-health';
import { randomBytes } from 'node:crypto';

/** A payment run's reference, on its remittances and claims: `PAY-<Paris date YYYYMMDD>-<8 hex>`. */
export const paymentReference = (now: Date, random: () => string = () => randomBytes(4).toString('hex')): string =>
  `PAY-${parisDate(now).replaceAll('-', '')}-${random()}`;
