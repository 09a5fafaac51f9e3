/**
 * Database errors that mean "someone else moved this stream first". The
 * append's guard normally reports that as zero rows; these cover the same race
 * seen through a unique key or a serializable/repeatable-read caller transaction.
 */
const CONFLICT_CONSTRAINTS = new Set(['events_stream_id_version_key', 'audit_entries_stream_id_seq_key', 'streams_pkey']);

function pgError(error: unknown): { code?: string; constraint?: string } {
  const candidate = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return {
    code: candidate?.code ?? candidate?.driverError?.code,
    constraint: candidate?.constraint ?? candidate?.driverError?.constraint,
  };
}

export function isConcurrencyFailure(error: unknown): boolean {
  const { code, constraint } = pgError(error);
  if (code === '40001') return true;
  return code === '23505' && constraint !== undefined && CONFLICT_CONSTRAINTS.has(constraint);
}

/** The plain insert of a new stream met an existing one (created concurrently, or holding audit entries only). */
export function isExistingStream(error: unknown): boolean {
  const { code, constraint } = pgError(error);
  return code === '23505' && constraint === 'streams_pkey';
}
