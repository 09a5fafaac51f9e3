import { MAX_TOKEN_LIFETIME_SECONDS } from '@app/auth/auth.config';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@app/event-sourcing/store/message-size';
import { parseMasterKeys } from '@app/fr-health';
import { z } from 'zod';
import { CLOCK_OFFSET_FORMAT, tryParseClockOffset } from '../clock/clock-offset';
import { DEV_DEFAULTS } from './dev-defaults';
import { envHex, envHostPortList, envInteger, envString, envUrl } from './env-fields';
import { checkKafkaCredentials, kafkaCredentialsShape } from './kafka-credentials';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The settings every service shares; keys are the environment variable names. */
export const platformConfigShape = (defaultPort?: number) => ({
  // Unset means production: forgetting NODE_ENV must never let the public
  // development secrets in. `npm start`, the local scripts and Jest set it.
  NODE_ENV: z.enum(NODE_ENVS, { error: `must be one of ${NODE_ENVS.join(', ')}` }).default('production'),
  PORT: defaultPort === undefined ? envInteger(1, 65_535) : envInteger(1, 65_535).default(defaultPort),
  DATABASE_URL: envUrl(['postgres:', 'postgresql:']).default(DEV_DEFAULTS.databaseUrl),
  DATABASE_POOL_SIZE: envInteger(1, 50).default(DEV_DEFAULTS.databasePoolSize),
  KAFKA_BROKERS: envHostPortList().default([DEV_DEFAULTS.kafkaBrokers]),
  ...kafkaCredentialsShape,
  /** Largest event message an append may stage (bytes); keep it below the broker's message.max.bytes. */
  MAX_MESSAGE_BYTES: envInteger(1024, 100 * 1024 * 1024).default(DEFAULT_MAX_MESSAGE_BYTES),
  REDIS_URL: envUrl(['redis:', 'rediss:']).default(DEV_DEFAULTS.redisUrl),
  JWT_SECRET: envString().min(16, { error: 'must be at least 16 characters' }).default(DEV_DEFAULTS.jwtSecret),
  // A PEM often travels on one line with literal "\n" in container settings.
  JWT_PUBLIC_KEY: envString()
    .includes('-----BEGIN', { error: 'must be a PEM public key' })
    .transform((pem) => pem.replace(/\\n/g, '\n'))
    .optional(),
  JWT_JWKS_URL: envUrl(['https:', 'http:']).optional(),
  /** Pinned `iss` / `aud` of accepted tokens, when set (required in production). */
  JWT_ISSUER: envString().optional(),
  JWT_AUDIENCE: envString().optional(),
  /** Allowed clock skew between the token issuer and us. */
  JWT_CLOCK_TOLERANCE_SECONDS: envInteger(0, 3600).default(30),
  /** Longest accepted token lifetime (`exp - iat`); 12 hours is also the ceiling. */
  JWT_MAX_TOKEN_LIFETIME_SECONDS: envInteger(60, MAX_TOKEN_LIFETIME_SECONDS).default(MAX_TOKEN_LIFETIME_SECONDS),
  PSEUDONYM_SECRET: envString().min(16, { error: 'must be at least 16 characters' }).default(DEV_DEFAULTS.pseudonymSecret),
  /** Key of remembered Idempotency-Key answers (derived per service): every service with a schema holds it, not the identity key. */
  ANSWER_ENCRYPTION_KEY: envHex(32).default(DEV_DEFAULTS.answerEncryptionKey),
  /**
   * The master keys wrapping patients' data keys, `<version>:<64 hex>[,<version>:<64 hex>...]`,
   * the first one current: only the services that hold patient keys and `rotate-keys` use it.
   */
  PATIENT_MASTER_KEYS: envString()
    .superRefine((value, ctx) => {
      try {
        parseMasterKeys(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .default(DEV_DEFAULTS.patientMasterKeys),
  /** Key (derived per service) of the free texts about no patient a service keeps for disclosure (ServiceTextSealer): only the services that ask for it. */
  TEXT_ENCRYPTION_KEY: envHex(32).default(DEV_DEFAULTS.textEncryptionKey),
  /** Parsed to milliseconds (0 = the real time). */
  CLOCK_OFFSET: envString()
    .default('')
    .transform((raw, ctx) => {
      const ms = tryParseClockOffset(raw);
      if (ms === null) ctx.addIssue({ code: 'custom', message: CLOCK_OFFSET_FORMAT });
      return ms ?? 0;
    }),
  /** The key sealing the service's audit entries: parsed by auditSigningKeyOf for the services that write them. */
  AUDIT_SIGNING_KEY: envString().optional(),
  AUDIT_SIGNING_KEY_FILE: envString().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
});

type PlatformShape = ReturnType<typeof platformConfigShape>;
export type ParsedPlatformConfig = z.output<z.ZodObject<PlatformShape>>;

/**
 * With NODE_ENV=production (or none) the public development secrets and a
 * shifted clock are refused, and tokens must be pinned to their issuer and audience.
 * The data keys are refused by the code that uses them (requireDataKey), so a service that
 * uses none need not hold them.
 */
export function checkProduction(config: ParsedPlatformConfig, ctx: z.RefinementCtx): void {
  checkKafkaCredentials(config, ctx);
  if (config.NODE_ENV !== 'production') return;
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const usesPublicKey = Boolean(config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL);
  if (!usesPublicKey && config.JWT_SECRET === DEV_DEFAULTS.jwtSecret) {
    refuse('JWT_SECRET', 'is required in production (or JWT_PUBLIC_KEY / JWT_JWKS_URL) and must not be the development default');
  }
  // A token minted by another issuer, or for another application, under the same key must not pass.
  if (!config.JWT_ISSUER) refuse('JWT_ISSUER', 'is required in production (the `iss` every accepted token must carry)');
  if (!config.JWT_AUDIENCE) refuse('JWT_AUDIENCE', 'is required in production (the `aud` every accepted token must carry)');
  if (config.CLOCK_OFFSET !== 0) {
    refuse('CLOCK_OFFSET', 'must be empty in production: a shifted clock is for tests only');
  }
}

/** Fills what depends on other settings: quieter logs under test. */
export const withDerivedDefaults = <T extends ParsedPlatformConfig>(config: T): T & { LOG_LEVEL: LogLevel } => ({
  ...config,
  LOG_LEVEL: config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'warn' : 'info'),
});

export type LogLevel = (typeof LOG_LEVELS)[number];
export type PlatformConfig = ParsedPlatformConfig & { LOG_LEVEL: LogLevel };
