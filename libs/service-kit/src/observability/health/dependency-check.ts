export type CheckResult = { status: 'up' } | { status: 'down'; error: string };

/** One dependency readiness asks about. `check` rejects when the dependency does not answer. */
export interface DependencyCheck {
  readonly name: 'postgres' | 'kafka' | 'redis';
  check(): Promise<void>;
}

/** Runs a check with a deadline, so a hung dependency makes readiness fail, not hang. */
export async function runCheck(dependency: DependencyCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([dependency.check(), deadline]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
