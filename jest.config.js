// Two projects: fast unit specs (pure logic, no I/O) and integration specs that
// talk to the real Postgres, Redis and Kafka started by `npm test`.
const { readFileSync } = require('node:fs');
const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const aliases = ['contracts', 'event-sourcing', 'messaging', 'audit', 'auth', 'fr-health', 'fhir', 'service-kit', 'testing'];
const moduleNameMapper = Object.fromEntries(
  aliases.flatMap((lib) => [
    [`^@app/${lib}$`, `<rootDir>/libs/${lib}/src`],
    [`^@app/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
  ]),
);
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // @noble/* are ESM-only: swc turns them into CommonJS for jest (node itself
  // loads them through require(esm), Node >= 20.19).
  transform: {
    '^.+\\.(ts|js)$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // The web console's components (apps/console): TSX with React's automatic runtime.
    '^.+\\.tsx$': ['@swc/jest', { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@noble/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/scripts', '<rootDir>/bench'],
};

module.exports = {
  // Integration tests wait for real brokers and databases on a busy two-core machine.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts', '**/*.spec.tsx'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/libs/testing/src/integration-env.setup.ts'],
    },
  ],
};
