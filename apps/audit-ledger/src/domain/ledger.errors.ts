import { DomainError } from '@app/contracts';

export const LedgerErrors = {
  entryNotFound: (index: number) => new DomainError('LEDGER.ENTRY_NOT_FOUND', `no ledger entry at index ${index}`, 'not_found'),
  badTreeSize: (message: string) => new DomainError('LEDGER.INVALID_TREE_SIZE', message, 'invalid', [{ field: 'treeSize', code: 'LEDGER.INVALID_TREE_SIZE', message }]),
  badRange: (message: string) => new DomainError('LEDGER.INVALID_RANGE', message, 'invalid', [{ field: 'from', code: 'LEDGER.INVALID_RANGE', message }]),
  prescriptionNotFound: (id: string) =>
    new DomainError('LEDGER.PRESCRIPTION_NOT_FOUND', `the ledger holds no entry for prescription ${id}`, 'not_found'),
  notYours: (subject: string) =>
    new DomainError('AUTH.FORBIDDEN', `only auditors and the prescriber may read the entries of ${subject}`, 'forbidden'),
};
