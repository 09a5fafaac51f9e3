/**
 * A missing or malformed setting. Its message names every bad variable so the
 * operator fixes them all in one go; `bootstrapService` prints it and exits 1.
 * Messages never echo a secret's value.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}
