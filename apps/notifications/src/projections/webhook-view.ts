import type { NotificationType } from '@app/contracts';

/** A webhook as `/v1/webhooks` gives it: never its secret. Version 1 when registered, 2 once deleted. */
export interface WebhookView {
  id: string;
  status: 'ACTIVE' | 'DELETED';
  version: number;
  url: string;
  events: NotificationType[];
  createdAt: string;
  deletedAt?: string;
}

/** What a delivery needs of its webhook: where, whether it still is, and the sealed secret to sign with. */
export interface WebhookTarget {
  id: string;
  org: string;
  url: string;
  status: 'ACTIVE' | 'DELETED';
  secretSealed: string | null;
}
