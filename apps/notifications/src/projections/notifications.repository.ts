import type { Transaction } from '@app/event-sourcing';
import { pageWindow } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationType } from '@app/contracts';
import type { NewNotification, NotificationView } from './notification-view';

interface RawNotification {
  id: string;
  type: NotificationType;
  createdAt: Date;
  readAt: Date | null;
  subject: string;
  relatedSubjects: string[];
  message: string;
}

const ROW = `id, type, created_at AS "createdAt", read_at AS "readAt", subject, related_subjects AS "relatedSubjects", message`;

const viewOf = (raw: RawNotification): NotificationView => ({
  id: raw.id,
  type: raw.type,
  status: raw.readAt ? 'READ' : 'UNREAD',
  version: raw.readAt ? 2 : 1,
  createdAt: raw.createdAt.toISOString(),
  ...(raw.readAt ? { readAt: raw.readAt.toISOString() } : {}),
  subject: raw.subject,
  relatedSubjects: raw.relatedSubjects,
  message: raw.message,
});

/** The inboxes (`notifications`): every read names the inboxes the caller may see, so another's notification is not found. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores it unless it exists (the same fact delivered again): true when this call stored it. */
  async recordOnce(tx: Transaction, notification: NewNotification): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO notifications (id, recipient, type, subject, related_subjects, message, engaging, source_event_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING 1`,
      [
        notification.id,
        notification.recipient,
        notification.type,
        notification.subject,
        notification.relatedSubjects,
        notification.message,
        notification.engaging,
        notification.sourceEventId,
        notification.createdAt.toISOString(),
      ],
    );
    return rows.length === 1;
  }

  /** The inboxes' notifications, newest first; only the unread ones with `unread`. */
  async inbox(inboxes: string[], filter: { unread?: boolean }, page: { page: number; pageSize: number }): Promise<{ rows: NotificationView[]; total: number }> {
    const where = `recipient = ANY($1) AND ($2::boolean IS NOT TRUE OR read_at IS NULL)`;
    const params = [inboxes, filter.unread ?? null];
    const { offset, limit } = pageWindow(page);
    const raws: RawNotification[] = await this.dataSource.query(
      `SELECT ${ROW} FROM notifications WHERE ${where} ORDER BY created_at DESC, id DESC OFFSET $3 LIMIT $4`,
      [...params, offset, limit],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM notifications WHERE ${where}`, params);
    return { rows: raws.map(viewOf), total };
  }

  /** One notification of the inboxes; null when it does not exist or is another's. */
  async get(id: string, inboxes: string[], tx?: Transaction): Promise<NotificationView | null> {
    const [raw] = await (tx ?? this.dataSource).query(`SELECT ${ROW} FROM notifications WHERE id = $1 AND recipient = ANY($2)`, [id, inboxes]);
    return raw ? viewOf(raw) : null;
  }

  /**
   * Marks it read by `reader` unless it was read already: `firstRead` says
   * whether this call did (the reading of an engaging fact is audited once).
   * Null when it does not exist or is another's.
   */
  async markRead(tx: Transaction, id: string, inboxes: string[], reader: string, now: Date): Promise<{ view: NotificationView; firstRead: boolean } | null> {
    // An UPDATE through TypeORM's Postgres driver answers [rows, count].
    const [[updated]]: [RawNotification[], number] = await tx.query(
      `UPDATE notifications SET read_at = $3, read_by = $4 WHERE id = $1 AND recipient = ANY($2) AND read_at IS NULL RETURNING ${ROW}`,
      [id, inboxes, now.toISOString(), reader],
    );
    if (updated) return { view: viewOf(updated), firstRead: true };
    const view = await this.get(id, inboxes, tx);
    return view ? { view, firstRead: false } : null;
  }
}
