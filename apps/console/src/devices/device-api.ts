import type { ApiClient, Paged } from '../api/api-client';
import type { DeviceHistoryItem, DeviceProduct, DeviceView, IndicationCode } from './device-view';

/** An evaluator's decision on a SUBMITTED product (API.md `POST /v1/devices/:id/review`). */
export type ReviewBody =
  | { decision: 'CERTIFY'; validUntil: string; lppCode: string; certifiedIndications: IndicationCode[]; notes?: string }
  | { decision: 'REJECT'; reasons: string[] };

/** The evaluator's status changes after a certification, each with its reason (API.md). */
export const STATUS_CHANGES = ['suspension', 'reinstatement', 'revocation'] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

/** Query keys: a write on a device refreshes everything under `devices` (its page, its history, the lists). */
export const DEVICE_KEYS = {
  all: ['devices'] as const,
  list: (scope: string, query: Record<string, string>) => ['devices', 'list', scope, query] as const,
  device: (id: string) => ['devices', 'device', id] as const,
  history: (id: string) => ['devices', 'history', id] as const,
};

const path = (id: string, action = '') => `/v1/devices/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** The device certification calls of API.md, over the signed-in user's client. */
export function deviceApi(api: ApiClient) {
  return {
    list: (query: { status?: string; indication?: string }, page: number, pageSize: number) => api.get<Paged<DeviceView>>('/v1/devices', { ...query, page, pageSize }),
    get: (id: string) => api.get<DeviceView>(path(id)),
    history: (id: string) => api.get<{ items: DeviceHistoryItem[] }>(path(id, 'history')),
    register: (body: Partial<DeviceProduct>) => api.post<DeviceView>('/v1/devices', body),
    update: (id: string, body: Partial<DeviceProduct>) => api.put<DeviceView>(path(id), body),
    submit: (id: string) => api.post<DeviceView>(path(id, 'submission'), {}),
    review: (id: string, body: ReviewBody) => api.post<DeviceView>(path(id, 'review'), body),
    recertify: (id: string, body: { validUntil: string; certifiedIndications?: IndicationCode[]; notes?: string }) => api.post<DeviceView>(path(id, 'recertification'), body),
    changeStatus: (id: string, change: StatusChange, reason: string) => api.post<DeviceView>(path(id, change), { reason }),
  };
}

export type DeviceApi = ReturnType<typeof deviceApi>;
