import { randomBytes } from 'node:crypto';
import { AmoClaimsUnavailableError, type AmoClaimAnswer, type AmoClaimsPort, type AmoClaimSubmission } from './amo-claims.port';

export const SIMULATED_BEHAVIOURS = ['RECEIVE', 'REFUSE', 'FAIL', 'DOWN'] as const;

/**
 * What the simulated AMO does with a claim: take it (RECEIVE), refuse it
 * with a reason code (REFUSE), fail `failures` times then take it (FAIL), or
 * never answer (DOWN).
 */
export type SimulatedBehaviour =
  | { behaviour: 'RECEIVE' }
  | { behaviour: 'REFUSE'; reasonCode: string }
  | { behaviour: 'FAIL'; failures: number }
  | { behaviour: 'DOWN' };

/**
 * The AMO claims service of development and tests: behaves per patient
 * pseudonym as set (PUT /internal/amo-claims-simulator/:pseudonym), else as
 * the default (PUT /internal/amo-claims-simulator, first
 * AMO_CLAIMS_SIMULATOR_DEFAULT). A FAIL counts its failures per patient.
 * Kept in this process's memory only: a restart forgets every setting, each
 * replica has its own. It reads nothing of a submission but the pseudonym,
 * and logs nothing: the identity it is handed never leaves the call.
 */
export class SimulatedAmoClaimsAdapter implements AmoClaimsPort {
  private defaultBehaviour: SimulatedBehaviour;
  private readonly behaviours = new Map<string, SimulatedBehaviour>();
  /** Failures already given, per pseudonym, under the behaviour in force for it. */
  private readonly failuresGiven = new Map<string, number>();

  constructor(defaultBehaviour: SimulatedBehaviour = { behaviour: 'RECEIVE' }) {
    this.defaultBehaviour = checked(defaultBehaviour);
  }

  /** Sets (or replaces, failure count included) the behaviour for one patient. */
  behaveFor(pseudonym: string, behaviour: SimulatedBehaviour): void {
    this.behaviours.set(pseudonym, checked(behaviour));
    this.failuresGiven.delete(pseudonym);
  }

  /** Sets the behaviour of every patient without one of their own (their failure counts start again). */
  behaveByDefault(behaviour: SimulatedBehaviour): void {
    this.defaultBehaviour = checked(behaviour);
    for (const pseudonym of [...this.failuresGiven.keys()]) if (!this.behaviours.has(pseudonym)) this.failuresGiven.delete(pseudonym);
  }

  submit({ pseudonym }: AmoClaimSubmission): Promise<AmoClaimAnswer> {
    const behaviour = this.behaviours.get(pseudonym) ?? this.defaultBehaviour;
    switch (behaviour.behaviour) {
      case 'RECEIVE':
        return Promise.resolve(received());
      case 'REFUSE':
        return Promise.resolve({ kind: 'REFUSED', reasonCode: behaviour.reasonCode });
      case 'DOWN':
        // The message names no one: it may end up in the job's logs and in BullMQ's failed-attempt record.
        return Promise.reject(new AmoClaimsUnavailableError('simulated AMO claims service down'));
      case 'FAIL': {
        const given = this.failuresGiven.get(pseudonym) ?? 0;
        if (given >= behaviour.failures) return Promise.resolve(received());
        this.failuresGiven.set(pseudonym, given + 1);
        return Promise.reject(new AmoClaimsUnavailableError(`simulated AMO claims failure (${behaviour.failures - given - 1} more set)`));
      }
    }
  }
}

const received = (): AmoClaimAnswer => ({ kind: 'RECEIVED', amoReference: `SIM-${randomBytes(6).toString('hex').toUpperCase()}` });

function checked(behaviour: SimulatedBehaviour): SimulatedBehaviour {
  if (behaviour.behaviour === 'FAIL' && (!Number.isSafeInteger(behaviour.failures) || behaviour.failures < 0)) {
    throw new RangeError('failures must be a non-negative integer');
  }
  return { ...behaviour };
}
