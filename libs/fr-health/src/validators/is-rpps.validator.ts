import { validateRpps } from '../rpps';
import { identifierDecorator } from './identifier-decorator';

export const IsRpps = identifierDecorator('isRpps', validateRpps);
