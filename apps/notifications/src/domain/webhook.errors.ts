import { DomainError, NOTIFICATION_ERROR_CODES } from '@app/contracts';

/** Refusals on a webhook, each with a stable code. */
export const WebhookErrors = {
  /** Missing, another org's, or deleted already: the caller cannot tell which. */
  notFound: (id: string) => new DomainError(NOTIFICATION_ERROR_CODES.webhookNotFound, `webhook ${id} not found`, 'not_found'),
};
