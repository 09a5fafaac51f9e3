import type { AmoRightsPort, AmoRightsRequest, AmoRightsStatus } from './amo-rights.port';
import { AmoRightsUnavailableError } from './amo-rights.port';

/** The answer a developer or a test sets for one patient: `failTimes` failed calls first, then `status` for good. */
export interface SimulatedAmoAnswer {
  status: AmoRightsStatus;
  failTimes?: number;
}

export interface SimulatedAmoRightsOptions {
  /** What a patient nobody set an answer for gets (AMO_RIGHTS_SIMULATOR_DEFAULT); OPEN so the workflow runs through. */
  defaultStatus?: AmoRightsStatus;
}

interface PendingAnswer {
  status: AmoRightsStatus;
  failuresLeft: number;
}

/**
 * The AMO rights service of development and tests: answers per patient
 * pseudonym what was set with `answer()` (PUT /internal/amo-rights-simulator/:pseudonym),
 * failing first as many times as asked so the job's retries and its
 * UNAVAILABLE outcome can be seen. Kept in this process's memory only: a
 * restart forgets every answer, and each replica has its own (fine for one
 * local process; never the adapter of a deployment). It reads nothing of the
 * request but the pseudonym, and logs nothing: the NIR and birth date it is
 * handed never leave the call.
 */
export class SimulatedAmoRightsAdapter implements AmoRightsPort {
  private readonly answers = new Map<string, PendingAnswer>();
  private readonly defaultStatus: AmoRightsStatus;

  constructor(options: SimulatedAmoRightsOptions = {}) {
    this.defaultStatus = options.defaultStatus ?? 'OPEN';
  }

  /** Sets (or replaces, failures count included) the answer of one patient. */
  answer(pseudonym: string, { status, failTimes = 0 }: SimulatedAmoAnswer): void {
    if (!Number.isSafeInteger(failTimes) || failTimes < 0) throw new RangeError('failTimes must be a non-negative integer');
    this.answers.set(pseudonym, { status, failuresLeft: failTimes });
  }

  check({ pseudonym }: AmoRightsRequest): Promise<AmoRightsStatus> {
    const pending = this.answers.get(pseudonym);
    if (!pending) return Promise.resolve(this.defaultStatus);
    if (pending.failuresLeft > 0) {
      pending.failuresLeft -= 1;
      // The message names no one: it may end up in the job's logs and in BullMQ's failed-attempt record.
      return Promise.reject(new AmoRightsUnavailableError(`simulated AMO unavailable (${pending.failuresLeft} more failure(s) set)`));
    }
    return Promise.resolve(pending.status);
  }
}
