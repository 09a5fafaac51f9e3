/** Whole seconds until the caller's window resets (`Retry-After`), at least 1: a 0 would invite an immediate retry that is refused again. */
export function retryAfterSeconds(resetTime: Date | undefined, nowMs: number, windowMs: number): number {
  const remainingMs = resetTime ? resetTime.getTime() - nowMs : windowMs;
  return Math.max(1, Math.ceil(remainingMs / 1000));
}
