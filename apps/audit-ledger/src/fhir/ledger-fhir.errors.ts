import { DomainError } from '@app/contracts';

export const LedgerFhirErrors = {
  /** Absent, not yet under a signed tree head, or not the reader's: the same 404 (API.md). */
  notFound: (type: string, id: string) => new DomainError('LEDGER.ENTRY_NOT_FOUND', `no ${type} ${id}`, 'not_found'),
};
