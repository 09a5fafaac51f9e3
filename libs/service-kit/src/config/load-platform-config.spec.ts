import { z } from 'zod';
import { ConfigError } from './config-error';
import { DEV_DEFAULTS } from './dev-defaults';
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
  PSEUDONYM_SECRET: 'a-real-pseudonym-secret-0123456789',
  IDENTITY_ENCRYPTION_KEY: 'ab'.repeat(32),
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_USERNAME: 'prescription',
  KAFKA_PASSWORD: 'a-real-kafka-password',
};

describe('loadPlatformConfig', () => {
  it('gives the local defaults when nothing is set', () => {
    const config = loadPlatformConfig({}, { defaultPort: 3001 });
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
    [{ IDENTITY_ENCRYPTION_KEY: 'abc' }, 'IDENTITY_ENCRYPTION_KEY must be 64 hexadecimal characters'],
    [{ CLOCK_OFFSET: 'tomorrow' }, 'CLOCK_OFFSET must be a signed duration like +40d'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, test, production'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 16 characters'],
    [{ JWT_PUBLIC_KEY: 'not a pem' }, 'JWT_PUBLIC_KEY must be a PEM public key'],
    [{ JWT_JWKS_URL: 'ftp://x' }, 'JWT_JWKS_URL must be a URL starting with https:// or http://'],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '-1' }, 'JWT_CLOCK_TOLERANCE_SECONDS must be an integer between 0 and 3600'],
  ])('names the malformed variable in %j', (env, message) => {
    expect(problemsOf(() => loadPlatformConfig(env, { defaultPort: 3001 }))).toContain(message);
  });

  it('reads the token verification settings the auth guard is given (a one-line PEM gets its newlines back)', () => {
    const config = loadPlatformConfig(
      { JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----', JWT_ISSUER: 'https://idp', JWT_CLOCK_TOLERANCE_SECONDS: '5' },
      { defaultPort: 3001 },
    );
    expect(config.JWT_PUBLIC_KEY).toBe('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
    expect(config).toMatchObject({ JWT_ISSUER: 'https://idp', JWT_CLOCK_TOLERANCE_SECONDS: 5 });
    expect(loadPlatformConfig({}, { defaultPort: 1 }).JWT_CLOCK_TOLERANCE_SECONDS).toBe(30);
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
    expect(problemsOf(() => loadPlatformConfig({ JWT_SECRET: 'hunter2' }, { defaultPort: 1 }))).not.toContain('hunter2');
  });

  describe('in production', () => {
    it('accepts real secrets', () => {
      expect(loadPlatformConfig(productionEnv, { defaultPort: 1 }).NODE_ENV).toBe('production');
    });

    it('refuses the development secrets, naming each', () => {
      const message = problemsOf(() => loadPlatformConfig({ NODE_ENV: 'production' }, { defaultPort: 1 }));
      expect(message).toContain('JWT_SECRET is required in production');
      expect(message).toContain('PSEUDONYM_SECRET is required in production');
      expect(message).toContain('IDENTITY_ENCRYPTION_KEY is required in production');
    });

    it('does not need JWT_SECRET when tokens are verified with a public key', () => {
      const { JWT_SECRET: _unused, ...env } = productionEnv;
      const config = loadPlatformConfig({ ...env, JWT_JWKS_URL: 'https://idp.example/jwks' }, { defaultPort: 1 });
      expect(config.JWT_JWKS_URL).toBe('https://idp.example/jwks');
    });

    it('refuses an anonymous Kafka client', () => {
      const { KAFKA_SASL_MECHANISM: _m, KAFKA_USERNAME: _u, KAFKA_PASSWORD: _p, ...env } = productionEnv;
      expect(problemsOf(() => loadPlatformConfig(env, { defaultPort: 1 }))).toContain('KAFKA_SASL_MECHANISM is required in production');
    });

    it('refuses a shifted clock', () => {
      const message = problemsOf(() => loadPlatformConfig({ ...productionEnv, CLOCK_OFFSET: '+1d' }, { defaultPort: 1 }));
      expect(message).toContain('CLOCK_OFFSET must be empty in production');
    });
  });
});

describe('Kafka credentials', () => {
  it('are unset by default (no SASL) outside production', () => {
    const config = loadPlatformConfig({}, { defaultPort: 1 });
    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
  });

  it('are read with their mechanism', () => {
    const config = loadPlatformConfig({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'prescription', KAFKA_PASSWORD: 's3cret' }, { defaultPort: 1 });
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
    const config = loadServiceConfig({ MAX_ITEMS: '7' }, { defaultPort: 3004 });
    expect(config).toMatchObject({ PORT: 3004, BILLING_CRON: '* * * * *', MAX_ITEMS: 7, NODE_ENV: 'development' });
  });

  it('names a bad service variable too', () => {
    expect(problemsOf(() => loadServiceConfig({ MAX_ITEMS: 'many' }, { defaultPort: 1 }))).toContain('MAX_ITEMS: Invalid input');
  });
});
