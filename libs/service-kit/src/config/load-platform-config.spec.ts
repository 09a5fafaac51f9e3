import { z } from 'zod';
import { ConfigError } from './config-error';
import { requireDataKey } from './data-keys';
import { DEV_DEFAULTS } from './dev-defaults';
import { kafkaSaslOf } from './kafka-credentials';
import { extendConfig, loadPlatformConfig } from './load-platform-config';

const problemsOf = (load: () => unknown): string => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const productionEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-real-production-secret-0123456789',
  JWT_ISSUER: 'https://idp.example',
  JWT_AUDIENCE: 'connected-health',
  PSEUDONYM_SECRET: 'a-real-pseudonym-secret-0123456789',
  ANSWER_ENCRYPTION_KEY: 'ef'.repeat(32),
  TEXT_ENCRYPTION_KEY: '12'.repeat(32),
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_USERNAME: 'prescription',
  KAFKA_PASSWORD: 'a-real-kafka-password',
};

describe('loadPlatformConfig', () => {
  // NODE_ENV unset means production (below); `npm start` and the scripts say development.
  const dev = <T extends object>(env: T) => ({ NODE_ENV: 'development', ...env });

  it('gives the local defaults in development when nothing else is set', () => {
    const config = loadPlatformConfig(dev({}), { defaultPort: 3001 });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      DATABASE_URL: DEV_DEFAULTS.databaseUrl,
      DATABASE_POOL_SIZE: 5,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: DEV_DEFAULTS.jwtSecret,
      CLOCK_OFFSET: 0,
      LOG_LEVEL: 'info',
    });
  });

  it('parses lists, numbers and offsets, and treats empty values as unset', () => {
    const config = loadPlatformConfig(
      { PORT: '4000', KAFKA_BROKERS: 'k1:9092, k2:9093', CLOCK_OFFSET: '+40d', DATABASE_POOL_SIZE: '', NODE_ENV: 'test' },
      { defaultPort: 3001 },
    );
    expect(config.PORT).toBe(4000);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9093']);
    expect(config.CLOCK_OFFSET).toBe(40 * 86_400_000);
    expect(config.DATABASE_POOL_SIZE).toBe(5);
    expect(config.LOG_LEVEL).toBe('warn');
  });

  it.each([
    [{ KAFKA_BROKERS: 'localhost' }, 'Invalid configuration: KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ PORT: 'eighty' }, 'PORT must be an integer between 1 and 65535'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be at least 1'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must be a URL starting with postgres:// or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL must be a URL starting with redis://'],
    [{ TEXT_ENCRYPTION_KEY: 'abc' }, 'TEXT_ENCRYPTION_KEY must be 64 hexadecimal characters'],
    [{ CLOCK_OFFSET: 'tomorrow' }, 'CLOCK_OFFSET must be a signed duration like +40d'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, test, production'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 16 characters'],
    [{ JWT_PUBLIC_KEY: 'not a pem' }, 'JWT_PUBLIC_KEY must be a PEM public key'],
    [{ JWT_JWKS_URL: 'ftp://x' }, 'JWT_JWKS_URL must be a URL starting with https:// or http://'],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '-1' }, 'JWT_CLOCK_TOLERANCE_SECONDS must be an integer between 0 and 3600'],
    [{ JWT_MAX_TOKEN_LIFETIME_SECONDS: '43201' }, 'JWT_MAX_TOKEN_LIFETIME_SECONDS must be at most 43200'],
  ])('names the malformed variable in %j', (env, message) => {
    expect(problemsOf(() => loadPlatformConfig(dev(env), { defaultPort: 3001 }))).toContain(message);
  });

  it('reads the token verification settings the auth guard is given (a one-line PEM gets its newlines back)', () => {
    const config = loadPlatformConfig(
      dev({ JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----', JWT_ISSUER: 'https://idp', JWT_CLOCK_TOLERANCE_SECONDS: '5' }),
      { defaultPort: 3001 },
    );
    expect(config.JWT_PUBLIC_KEY).toBe('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
    expect(config).toMatchObject({ JWT_ISSUER: 'https://idp', JWT_CLOCK_TOLERANCE_SECONDS: 5 });
    expect(loadPlatformConfig(dev({}), { defaultPort: 1 })).toMatchObject({ JWT_CLOCK_TOLERANCE_SECONDS: 30, JWT_MAX_TOKEN_LIFETIME_SECONDS: 43_200 });
  });

  it('names every bad variable at once', () => {
    const message = problemsOf(() => loadPlatformConfig({ PORT: 'x', KAFKA_BROKERS: ',' }));
    expect(message).toContain('PORT must be');
    expect(message).toContain('KAFKA_BROKERS must be');
  });

  it('requires PORT when the service gives no default', () => {
    expect(problemsOf(() => loadPlatformConfig({}))).toContain('PORT is required');
  });

  it('never echoes a secret value', () => {
    expect(problemsOf(() => loadPlatformConfig(dev({ JWT_SECRET: 'hunter2' }), { defaultPort: 1 }))).not.toContain('hunter2');
  });

  describe('in production', () => {
    it('accepts real secrets', () => {
      expect(loadPlatformConfig(productionEnv, { defaultPort: 1 }).NODE_ENV).toBe('production');
    });

    it('refuses the development secrets, naming each', () => {
      const message = problemsOf(() => loadPlatformConfig({ NODE_ENV: 'production' }, { defaultPort: 1 }));
      expect(message).toContain('JWT_SECRET is required in production');
    });

    it('needs no data key for a service that uses none (the gateway); the code that uses one refuses its development value', () => {
      const { PSEUDONYM_SECRET: _p, ANSWER_ENCRYPTION_KEY: _a, TEXT_ENCRYPTION_KEY: _t, ...gatewayEnv } = productionEnv;
      const config = loadPlatformConfig(gatewayEnv, { defaultPort: 1 });
      expect(() => requireDataKey(config, 'PSEUDONYM_SECRET')).toThrow('PSEUDONYM_SECRET is required in production by this service');
      expect(() => requireDataKey(config, 'ANSWER_ENCRYPTION_KEY')).toThrow('ANSWER_ENCRYPTION_KEY is required in production by this service');
      expect(() => requireDataKey(config, 'TEXT_ENCRYPTION_KEY')).toThrow('TEXT_ENCRYPTION_KEY is required in production by this service');
      const real = loadPlatformConfig(productionEnv, { defaultPort: 1 });
      expect(requireDataKey(real, 'TEXT_ENCRYPTION_KEY')).toBe('12'.repeat(32));
      expect(requireDataKey({ ...config, NODE_ENV: 'development' }, 'PSEUDONYM_SECRET')).toBe(config.PSEUDONYM_SECRET);
    });

    it('treats an unset NODE_ENV as production: the development secrets are refused', () => {
      const message = problemsOf(() => loadPlatformConfig({}, { defaultPort: 1 }));
      expect(message).toContain('JWT_SECRET is required in production');
      expect(message).toContain('JWT_ISSUER is required in production');
      const { NODE_ENV: _unset, ...env } = productionEnv;
      expect(loadPlatformConfig(env, { defaultPort: 1 }).NODE_ENV).toBe('production');
    });

    it('requires the pinned token issuer and audience, naming each', () => {
      const { JWT_ISSUER: _i, JWT_AUDIENCE: _a, ...env } = productionEnv;
      const message = problemsOf(() => loadPlatformConfig(env, { defaultPort: 1 }));
      expect(message).toContain('JWT_ISSUER is required in production');
      expect(message).toContain('JWT_AUDIENCE is required in production');
      expect(problemsOf(() => loadPlatformConfig({ ...env, JWT_ISSUER: 'https://idp' }, { defaultPort: 1 }))).not.toContain('JWT_ISSUER');
    });

    it('does not need JWT_SECRET when tokens are verified with a public key', () => {
      const { JWT_SECRET: _unused, ...env } = productionEnv;
      const config = loadPlatformConfig({ ...env, JWT_JWKS_URL: 'https://idp.example/jwks' }, { defaultPort: 1 });
      expect(config.JWT_JWKS_URL).toBe('https://idp.example/jwks');
    });

    it('refuses an anonymous Kafka client to the code that connects, and lets a service that never connects (the gateway) run without a principal', () => {
      const { KAFKA_SASL_MECHANISM: _m, KAFKA_USERNAME: _u, KAFKA_PASSWORD: _p, ...env } = productionEnv;
      const config = loadPlatformConfig(env, { defaultPort: 1 });
      expect(problemsOf(() => kafkaSaslOf(config))).toContain('KAFKA_SASL_MECHANISM is required in production');
      expect(kafkaSaslOf(loadPlatformConfig(productionEnv, { defaultPort: 1 }))).toEqual({
        mechanism: 'scram-sha-512',
        username: 'prescription',
        password: 'a-real-kafka-password',
      });
    });

    it('refuses a shifted clock', () => {
      const message = problemsOf(() => loadPlatformConfig({ ...productionEnv, CLOCK_OFFSET: '+1d' }, { defaultPort: 1 }));
      expect(message).toContain('CLOCK_OFFSET must be empty in production');
    });
  });
});

describe('Kafka credentials', () => {
  it('are unset by default (no SASL) outside production', () => {
    const config = loadPlatformConfig({ NODE_ENV: 'development' }, { defaultPort: 1 });
    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
    expect(kafkaSaslOf(config)).toBeUndefined();
  });

  it('are read with their mechanism', () => {
    const config = loadPlatformConfig(
      { NODE_ENV: 'development', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'prescription', KAFKA_PASSWORD: 's3cret' },
      { defaultPort: 1 },
    );
    expect(config).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'prescription', KAFKA_PASSWORD: 's3cret' });
  });

  it.each([
    [{ KAFKA_SASL_MECHANISM: 'plain', KAFKA_USERNAME: 'a', KAFKA_PASSWORD: 'b' }, 'KAFKA_SASL_MECHANISM must be scram-sha-512'],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_PASSWORD: 'b' }, 'KAFKA_USERNAME is required with KAFKA_SASL_MECHANISM=scram-sha-512'],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'a' }, 'KAFKA_PASSWORD is required with KAFKA_SASL_MECHANISM=scram-sha-512'],
    [{ KAFKA_USERNAME: 'a', KAFKA_PASSWORD: 'b' }, 'KAFKA_SASL_MECHANISM is required when KAFKA_USERNAME or KAFKA_PASSWORD is set'],
  ])('refuses %j, naming the variable', (env, expected) => {
    const message = problemsOf(() => loadPlatformConfig(env, { defaultPort: 1 }));
    expect(message).toContain(expected);
    expect(message).not.toContain('"b"');
  });
});

describe('extendConfig', () => {
  const loadServiceConfig = extendConfig({ BILLING_CRON: z.string().default('* * * * *'), MAX_ITEMS: z.coerce.number().int() });

  it('adds the service settings to the platform ones', () => {
    const config = loadServiceConfig({ NODE_ENV: 'development', MAX_ITEMS: '7' }, { defaultPort: 3004 });
    expect(config).toMatchObject({ PORT: 3004, BILLING_CRON: '* * * * *', MAX_ITEMS: 7, NODE_ENV: 'development' });
  });

  it('names a bad service variable too', () => {
    expect(problemsOf(() => loadServiceConfig({ MAX_ITEMS: 'many' }, { defaultPort: 1 }))).toContain('MAX_ITEMS: Invalid input');
  });
});
