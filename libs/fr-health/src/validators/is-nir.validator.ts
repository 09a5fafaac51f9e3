import { validateNir } from '../nir';
import { identifierDecorator } from './identifier-decorator';

/** A NIR (spaces allowed). Normalise with `normaliseNir` before storing or hashing it. */
export const IsNir = identifierDecorator('isNir', validateNir);
