import { DomainError } from '@app/contracts';

/**
 * Runs one command per due aggregate and returns the ids it changed. A domain
 * refusal (someone else acted first: another replica's sweep, a user) is not
 * a failure: it is reported and the next sweep sees the new state. Anything
 * else fails the job, so BullMQ records and retries it.
 */
export async function actOnEachDue(
  ids: readonly string[],
  act: (id: string) => Promise<unknown>,
  onRefused: (id: string, error: DomainError) => void,
): Promise<string[]> {
  const done: string[] = [];
  for (const id of ids) {
    try {
      await act(id);
      done.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      onRefused(id, error);
    }
  }
  return done;
}
