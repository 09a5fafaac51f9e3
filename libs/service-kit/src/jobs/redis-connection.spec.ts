import { redisConnection } from './redis-connection';

describe('redisConnection', () => {
  it('reads host, port, credentials and database from a redis URL', () => {
    expect(redisConnection('redis://user:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
    });
  });

  it('defaults the port and turns on TLS for rediss', () => {
    expect(redisConnection('rediss://cache.internal')).toEqual({ host: 'cache.internal', port: 6379, tls: {} });
  });
});
