import { DEV_JWT_SECRET, DEV_PSEUDONYM_SECRET } from '@app/auth/dev-secrets';

/**
 * Local defaults of the secrets, so `npm start` works on a fresh clone. They
 * are public (the README gives them), hence refused with NODE_ENV=production.
 */
export const DEV_DEFAULTS = {
  jwtSecret: DEV_JWT_SECRET,
  pseudonymSecret: DEV_PSEUDONYM_SECRET,
  answerEncryptionKey: '1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100',
  /** One master key, version 1 (PATIENT_MASTER_KEYS: `<version>:<64 hex>[,...]`, the first wraps). */
  patientMasterKeys: '1:a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf',
  textEncryptionKey: '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f',
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/connected_health',
  kafkaBrokers: '127.0.0.1:9092',
  redisUrl: 'redis://127.0.0.1:6379',
  databasePoolSize: 5,
} as const;
