import { useMemo } from 'react';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useApi } from '../../auth/session';
import { ledgerApi, type LedgerApi, type SignedTreeHead } from './ledger-api';

/** The ledger's reads over the signed-in auditor's API client. */
export function useLedger(): LedgerApi {
  const api = useApi();
  return useMemo(() => ledgerApi(api), [api]);
}

/** Query keys of what several screens read: one fetch each, refreshed together. */
export const LEDGER_KEYS = {
  treeHead: ['ledger', 'tree-head'] as const,
  publicKey: ['ledger', 'public-key'] as const,
  signers: ['ledger', 'signers'] as const,
  treeHeads: ['ledger', 'tree-heads'] as const,
  entries: (subject: string) => ['ledger', 'entries', subject] as const,
  quarantine: ['ledger', 'quarantine'] as const,
};

/** The current signed tree head (polled while `refetchInterval` is given: a screen waiting for a newer head). */
export function useTreeHead(refetchInterval?: UseQueryOptions<SignedTreeHead>['refetchInterval']) {
  const ledger = useLedger();
  return useQuery({ queryKey: LEDGER_KEYS.treeHead, queryFn: ledger.treeHead, refetchInterval });
}

/** The key that signs tree heads, as the ledger serves it: its keyId is recomputed before it is trusted. */
export function useLedgerKey() {
  const ledger = useLedger();
  return useQuery({ queryKey: LEDGER_KEYS.publicKey, queryFn: ledger.publicKey, staleTime: Infinity });
}

/** The signer registry the seals are checked against. */
export function useSigners() {
  const ledger = useLedger();
  return useQuery({ queryKey: LEDGER_KEYS.signers, queryFn: async () => (await ledger.signers()).items });
}
