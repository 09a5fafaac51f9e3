import { actorOf, type Principal } from '@app/auth';
import { currentCorrelationId } from '@app/service-kit';
import { v7 as uuidv7 } from 'uuid';

/** The request's correlation id (set by the service kit's middleware); a new one outside a request. */
export const requestCorrelationId = (): string => currentCorrelationId() ?? uuidv7();

export { actorOf };
export type { Principal };
