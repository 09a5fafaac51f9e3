import { validateUdiDi } from '../udi-di';
import { identifierDecorator } from './identifier-decorator';

export const IsUdiDi = identifierDecorator('isUdiDi', validateUdiDi);
