import { validateSiret } from '../siret';
import { identifierDecorator } from './identifier-decorator';

export const IsSiret = identifierDecorator('isSiret', validateSiret);
