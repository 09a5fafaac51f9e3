/** The database clients: only the persistence layer and the infrastructure libraries may import them. */
const DATABASE_CLIENTS = ['node_modules/typeorm/', 'node_modules/pg/', 'node_modules/@nestjs/typeorm/'];

/**
 * Layering rules that fail the build (`npm run lint`). They keep the domain
 * pure, the services independent, and the contracts free of dependencies.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code decides; it does not do I/O or know the framework. Time and ids come in with the command.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: {
        path: [
          'node_modules/@nestjs/',
          'node_modules/typeorm/',
          'node_modules/kafkajs/',
          'node_modules/bullmq/',
          'node_modules/ioredis/',
          'node_modules/pg/',
        ],
      },
    },
    {
      name: 'audit-is-isomorphic',
      comment:
        'libs/audit runs in Node, the offline verifier and browsers alike: no Node built-in (crypto comes from @noble). ' +
        'Specs and their fixtures may use Node to cross-check it.',
      severity: 'error',
      from: { path: '^libs/audit/src/', pathNot: '\\.(int-)?spec\\.ts$|\\.fixture\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-node-io',
      comment: 'No filesystem, network or process access in the domain.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline)$',
      },
    },
    {
      name: 'persistence-at-the-edges',
      comment:
        'A use case says what it does; SQL and TypeORM stay in the persistence layer (*.repository.ts, *.store.ts, ' +
        '*.projection.ts, *.entity.ts, migrations/, CLIs, and the libs that implement the store, messaging, the kit and testing). ' +
        'Handlers, controllers, DTOs, domain/, commands/, queries/, jobs/ and messaging/ (consumers) of the apps never import typeorm or pg.',
      severity: 'error',
      from: {
        path: ['^apps/[^/]+/src/(domain|commands|queries|jobs|messaging)/', '^apps/.*\\.(handler|http\\.controller|request\\.dto)\\.ts$'],
        pathNot: '\\.(int-)?spec\\.ts$',
      },
      to: { path: DATABASE_CLIENTS },
    },
    {
      name: 'queries-do-not-use-commands',
      comment: 'A read never goes through the write side: what both need lives beside them (domain/, projections/, ...).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/queries/' },
      to: { path: '^apps/$1/src/commands/' },
    },
    {
      name: 'pure-libs-have-no-database',
      comment: 'The audit, auth, French-identifier, FHIR and contract libraries hold logic, not storage.',
      severity: 'error',
      from: { path: '^libs/(audit|auth|fr-health|fhir|contracts)/' },
      to: { path: DATABASE_CLIENTS },
    },
    {
      name: 'console-uses-only-the-public-api',
      comment:
        'The web console runs in browsers and talks to the platform only through the public HTTP API: of the ' +
        'platform\'s code it bundles only the isomorphic libs/audit (the checks verify-dossier runs) and the published types of libs/contracts.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^libs/', pathNot: '^libs/(audit|contracts)/' },
    },
    {
      name: 'console-is-browser-code',
      comment: 'No Node built-in in the console\'s own code (its Vite config and specs may).',
      severity: 'error',
      from: { path: '^apps/console/src/', pathNot: '\\.spec\\.tsx?$|\\.fixture\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'apps-are-independent',
      comment: 'Services talk through Kafka events, never through each other\'s code.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'contracts-import-nothing',
      comment: 'Every service may import the contracts, so they depend on nothing.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { pathNot: '^libs/contracts/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
