import { DomainError, ERROR_CODES } from '@app/contracts';

/** The stream moved since it was read: the command was decided on stale state (409). */
export class VersionConflictError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(
      ERROR_CODES.versionConflict,
      `Stream ${streamId} is no longer at version ${expectedVersion}; reload and retry`,
      'conflict',
      [],
      { streamId, expectedVersion },
    );
    this.name = 'VersionConflictError';
  }
}
