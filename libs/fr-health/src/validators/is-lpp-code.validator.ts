import { validateLppCode } from '../lpp';
import { identifierDecorator } from './identifier-decorator';

export const IsLppCode = identifierDecorator('isLppCode', validateLppCode);
