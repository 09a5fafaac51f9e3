import type { CommandAnswers, CommandOutcome, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { toErrorResponse } from '../http/error-response';
import { AlreadyAnswered, idempotencyInProgress } from './idempotency.errors';
import { currentIdempotencySlot } from './idempotency-slot';
import { IdempotencyStore } from './idempotency.store';

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * `Idempotency-Key` inside the command's transaction: the key is claimed
 * first and the answer written last, so the answer commits with the events it
 * answers. A retry after a crash between the commit and the response finds
 * the answer; a crash before the commit leaves no claim behind.
 */
@Injectable()
export class IdempotentCommandAnswers implements CommandAnswers {
  constructor(private readonly store: IdempotencyStore) {}

  async claim(tx: Transaction): Promise<void> {
    const slot = currentIdempotencySlot();
    if (!slot || slot.recorded) return;
    let claimed: boolean;
    try {
      claimed = await this.store.claimIn(tx, slot.scope, slot.key, slot.requestHash);
    } catch (error) {
      const failed = error as { code?: string; driverError?: { code?: string } };
      if ((failed.code ?? failed.driverError?.code) === LOCK_NOT_AVAILABLE) {
        throw idempotencyInProgress(slot.key);
      }
      throw error;
    }
    if (!claimed) throw new AlreadyAnswered();
  }

  async record(tx: Transaction, outcome: CommandOutcome): Promise<void> {
    const slot = currentIdempotencySlot();
    if (!slot || slot.recorded) return;
    if ('value' in outcome) {
      await this.store.answerIn(tx, slot.scope, slot.key, slot.successStatus, outcome.value);
    } else {
      const { status, body } = toErrorResponse(outcome.error);
      if (status >= 500) return this.store.releaseIn(tx, slot.scope, slot.key);
      await this.store.answerIn(tx, slot.scope, slot.key, status, body);
    }
    slot.recorded = true;
  }
}
