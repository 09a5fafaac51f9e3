import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/session';
import { claimApi, type ClaimApi, CLAIMS_KEYS } from './claim-api';

export function useClaimApi(): ClaimApi {
  const api = useApi();
  return useMemo(() => claimApi(api), [api]);
}

/** The reason codes a rejection must use (`GET /v1/claims/reason-codes`): read once. */
export function useReasonCodes() {
  const claims = useClaimApi();
  return useQuery({ queryKey: CLAIMS_KEYS.reasonCodes, queryFn: async () => (await claims.reasonCodes()).items, staleTime: Infinity });
}
