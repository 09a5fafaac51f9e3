import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/session';
import { type Enrolment, enrolmentApi, type EnrolmentApi, OPERATOR_KEYS } from './enrolment-api';

/** Poll while the AMO's answer on the rights is awaited (another service, within seconds: API.md "Consistency"). */
const RIGHTS_POLL_MS = 2_000;

export function useEnrolmentApi(): EnrolmentApi {
  const api = useApi();
  return useMemo(() => enrolmentApi(api), [api]);
}

/** One enrolment, refreshed while its rights are being checked. */
export function useEnrolment(id: string) {
  const enrolments = useEnrolmentApi();
  return useQuery({
    queryKey: OPERATOR_KEYS.enrolment(id),
    queryFn: () => enrolments.get(id),
    refetchInterval: (query) => (query.state.data?.rights.status === 'PENDING' ? RIGHTS_POLL_MS : false),
  });
}

/**
 * A write on an enrolment: once it succeeds, the enrolment, its history and
 * the lists are read again (an action answers the enrolment, an incident
 * or transmissions answer less: one refresh serves them all).
 */
export function useEnrolmentWrite<Vars, Result>(enrolmentId: string, write: (vars: Vars) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      if (isEnrolment(result, enrolmentId)) queryClient.setQueryData(OPERATOR_KEYS.enrolment(enrolmentId), result);
      await queryClient.invalidateQueries({ queryKey: OPERATOR_KEYS.all });
    },
  });
}

const isEnrolment = (value: unknown, id: string): value is Enrolment => typeof value === 'object' && value !== null && (value as Enrolment).id === id && 'rights' in value;
