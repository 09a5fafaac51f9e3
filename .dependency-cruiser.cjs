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
