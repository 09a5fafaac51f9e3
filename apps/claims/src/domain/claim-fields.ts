import type { CLAIM_SEALED_FIELDS } from '@app/contracts';
import { fieldAad } from '@app/fr-health';

/** The row a claim's ciphertexts are bound to. */
export type ClaimRow = `claim:${string}`;

export type ClaimSealedField = (typeof CLAIM_SEALED_FIELDS)[keyof typeof CLAIM_SEALED_FIELDS];

export const claimRow = (claimId: string): ClaimRow => `claim:${claimId}`;

/** What a claim's free text is sealed with: `claim:<id>#rejection.note`, ... */
export const claimFieldAad = (claimId: string, field: ClaimSealedField): string => fieldAad(claimRow(claimId), field);
