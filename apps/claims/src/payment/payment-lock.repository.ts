import type { Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';

/** One payment run at a time across replicas: a transaction-scoped Postgres advisory lock, released by its commit. */
const PAYMENT_LOCK_KEY = 'claims.payment-run';

@Injectable()
export class PaymentLockRepository {
  /** True when this transaction holds the lock now; false when another payment run does (this one then pays nothing). */
  async tryLock(tx: Transaction): Promise<boolean> {
    const [row] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [PAYMENT_LOCK_KEY]);
    return row?.locked === true;
  }
}
