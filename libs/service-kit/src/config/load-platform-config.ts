import { z } from 'zod';
import { ConfigError } from './config-error';
import {
  checkProduction,
  type ParsedPlatformConfig,
  platformConfigShape,
  type PlatformConfig,
  withDerivedDefaults,
} from './platform-config.schema';

export interface LoadConfigOptions {
  /** The service's port when PORT is not set. */
  defaultPort?: number;
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment once, at start-up, into a typed object. Every bad
 * variable is named in the thrown `ConfigError`. Empty values count as unset,
 * as compose files and shells often export `VAR=`.
 */
export function loadPlatformConfig(env: Env = process.env, options: LoadConfigOptions = {}): PlatformConfig {
  return extendConfig({})(env, options);
}

/**
 * A loader for a service's own settings on top of the platform's:
 * `export const loadPrescriptionConfig = extendConfig({ REFERENTIAL_VERSION: z.string().default('2025-01') })`.
 */
export function extendConfig<S extends z.ZodRawShape>(shape: S) {
  return (env: Env = process.env, options: LoadConfigOptions = {}) => {
    const schema = z
      .object({ ...platformConfigShape(options.defaultPort), ...shape })
      .superRefine((config, ctx) => checkProduction(config as unknown as ParsedPlatformConfig, ctx));
    const result = schema.safeParse(withoutEmptyValues(env));
    if (!result.success) throw new ConfigError(result.error.issues.map(describeIssue));
    const parsed = result.data as unknown as ParsedPlatformConfig & z.output<z.ZodObject<S>>;
    return withDerivedDefaults(parsed);
  };
}

function withoutEmptyValues(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.length ? String(issue.path[0]) : 'configuration';
  const startsLowerCase = /^[a-z]/.test(issue.message);
  return startsLowerCase ? `${name} ${issue.message}` : `${name}: ${issue.message}`;
}
