/**
 * Whom a notification is for: a physician by RPPS (the `rpps` of their
 * token), or an organisation by the `org` of its users' tokens (a vendor's
 * SIRET, an operator's or an evaluation body's id, a payee).
 */
export type Recipient = { kind: 'physician'; rpps: string } | { kind: 'org'; org: string };

/** One text per recipient: the key of its inbox and of its notifications' ids. */
export const recipientKey = (recipient: Recipient): string => (recipient.kind === 'physician' ? `physician:${recipient.rpps}` : `org:${recipient.org}`);

/** The organisation whose inbox a recipient key names (its webhooks receive what is told there); null for a physician's. */
export function orgOfRecipient(key: string): string | null {
  return key.startsWith('org:') && key.length > 'org:'.length ? key.slice('org:'.length) : null;
}

/** The claims of a caller's token that name an inbox: a physician's RPPS, an organisation's id. */
export interface Reader {
  rpps?: string;
  org?: string;
}

/** The inboxes a caller reads: their own (a physician's) and their organisation's, nothing else. */
export function inboxesOf(reader: Reader): string[] {
  const inboxes: string[] = [];
  if (reader.rpps) inboxes.push(recipientKey({ kind: 'physician', rpps: reader.rpps }));
  if (reader.org) inboxes.push(recipientKey({ kind: 'org', org: reader.org }));
  return inboxes;
}
