import type { DeviceHistoryItem } from './device-view';

/** One step of a product's review as the timeline shows it. */
export interface TimelineEntry {
  /** The stream version: unique and in order. */
  version: number;
  /** The event type; the screen's label of it (`timeline.events.<type>`), the type itself for one it does not know. */
  type: string;
  occurredAt: string;
  actor: { id: string; role: string };
  /** Why: a rejection's reasons, or the one reason of a suspension, a reinstatement, a revocation. */
  reasons: string[];
  notes?: string;
  validUntil?: string;
  lppCode?: string;
  certifiedIndications?: string[];
  /** An edit that brought a rejected product back to a draft. */
  reopenedFromRejection?: boolean;
}

/** The events the timeline has words for; any other is still listed, under its type. */
export const TIMELINE_EVENTS = [
  'DeviceRegistered',
  'DeviceUpdated',
  'DeviceSubmitted',
  'DeviceCertified',
  'DeviceRecertified',
  'DeviceRejected',
  'DeviceSuspended',
  'DeviceReinstated',
  'DeviceRevoked',
  'DeviceCertificationExpired',
] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((item): item is string => item !== undefined) : []);

/**
 * `GET /v1/devices/:id/history` as the review's timeline, oldest first: who
 * did what when, and what they said (the reasons of a rejection or of a
 * status change, the terms of a certification). Only what an event carries
 * in clear is read: a text the history could not open is left out.
 */
export function reviewTimeline(items: readonly DeviceHistoryItem[]): TimelineEntry[] {
  return [...items]
    .sort((a, b) => a.version - b.version)
    .map(({ type, version, occurredAt, actor, data }) => {
      const reason = text(data.reason);
      const entry: TimelineEntry = { version, type, occurredAt, actor, reasons: type === 'DeviceRejected' ? texts(data.reasons) : reason ? [reason] : [] };
      if (type === 'DeviceCertified' || type === 'DeviceRecertified') {
        entry.validUntil = text(data.validUntil);
        entry.lppCode = text(data.lppCode);
        entry.certifiedIndications = texts(data.certifiedIndications);
        entry.notes = text(data.notes);
      }
      if (type === 'DeviceCertificationExpired') entry.validUntil = text(data.validUntil);
      if (type === 'DeviceUpdated') entry.reopenedFromRejection = data.reopenedFromRejection === true;
      return entry;
    });
}
