import { DomainError, NOTIFICATION_ERROR_CODES } from '@app/contracts';

/** Refusals on a notification, each with a stable code. */
export const NotificationErrors = {
  /** Missing, or another's: the caller cannot tell which. */
  notFound: (id: string) => new DomainError(NOTIFICATION_ERROR_CODES.notFound, `notification ${id} not found`, 'not_found'),
};
