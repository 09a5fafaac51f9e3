/**
 * What a test's gateway runs with on top of the environment: NODE_ENV=test
 * and a rate limit no test reaches, since every development token of a role
 * shares one `sub` and the machine's Redis shares the count across test
 * processes. The rate limit's own tests set theirs.
 */
export const TEST_GATEWAY_ENV = { NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '1000000' } as const;
