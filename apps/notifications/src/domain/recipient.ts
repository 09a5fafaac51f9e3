/**
 * Whom a notification is for: a physician by RPPS (the `rpps` of their
 * token), or an organisation by the `org` of its users' tokens (a vendor's
 * SIRET, an operator's or an evaluation body's id, a payee).
 */
export type Recipient = { kind: 'physician'; rpps: string } | { kind: 'org'; org: string };

/** One text per recipient: the key of its inbox and of its notifications' ids. */
export const recipientKey = (recipient: Recipient): string => (recipient.kind === 'physician' ? `physician:${recipient.rpps}` : `org:${recipient.org}`);
