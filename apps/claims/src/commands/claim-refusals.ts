import { DomainError, ERROR_CODES } from '@app/contracts';

/** Who may see claims at all; whether one of them may take a step is decided once the claim is found visible to them. */
export const CLAIM_SEEING_ROLES = ['claims_processor', 'admin', 'physician', 'operator', 'vendor'] as const;

/** The caller sees the claim but may not take this step (API.md: 403; one who does not see it is told 404). */
export const mayNot = (message: string) => new DomainError(ERROR_CODES.forbidden, message, 'forbidden');
