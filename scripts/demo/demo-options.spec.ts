import { DemoUsageError, parseDemoOptions } from './demo-options';

describe("the demo's options", () => {
  it('defaults to the gateway of npm start and the state under the cache directory', () => {
    expect(parseDemoOptions([], { XDG_CACHE_HOME: '/c' })).toEqual({ gatewayUrl: 'http://127.0.0.1:3000', statePath: '/c/connected-health/demo-state.json', fresh: false });
  });

  it('takes the gateway from GATEWAY_URL, and a flag over it', () => {
    expect(parseDemoOptions([], { GATEWAY_URL: 'http://127.0.0.1:4100/' })).toMatchObject({ gatewayUrl: 'http://127.0.0.1:4100' });
    expect(parseDemoOptions(['--gateway', 'http://localhost:5000', '--state', '/tmp/s.json', '--fresh'], { GATEWAY_URL: 'http://127.0.0.1:4100' })).toEqual({
      gatewayUrl: 'http://localhost:5000',
      statePath: '/tmp/s.json',
      fresh: true,
    });
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseDemoOptions(['--gatway', 'x'], {})).toThrow(DemoUsageError);
    expect(() => parseDemoOptions(['--gateway', 'not a url'], {})).toThrow('--gateway not a url is not a URL');
    expect(() => parseDemoOptions(['--gateway', 'ftp://x'], {})).toThrow('must be an http(s) URL');
    expect(parseDemoOptions(['--help'], {})).toBe('help');
  });
});
