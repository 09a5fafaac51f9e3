import { addressAllowed, auditedUrl, webhookUrlProblem } from './webhook-url';

const production = { development: false };
const development = { development: true };

describe('webhookUrlProblem', () => {
  it('takes a public https URL', () => {
    expect(webhookUrlProblem('https://hooks.operator.example/connected-health', production)).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34/hook', production)).toBeNull();
  });

  it.each([
    ['http://hooks.operator.example/x', 'must be an https URL'],
    ['ftp://hooks.operator.example/x', 'must be an https URL'],
    ['hooks.operator.example/x', 'must be an absolute URL'],
    ['', 'must be an absolute URL'],
    ['https://user:secret@hooks.operator.example/x', 'must not hold credentials (the signature authenticates the platform)'],
    ['https://localhost:8443/x', 'must not point at the platform itself (localhost)'],
    ['https://api.localhost/x', 'must not point at the platform itself (localhost)'],
    ['https://127.0.0.1/x', 'must not point at a loopback, private or reserved address'],
    ['https://10.0.4.2/x', 'must not point at a loopback, private or reserved address'],
    ['https://172.20.0.1/x', 'must not point at a loopback, private or reserved address'],
    ['https://192.168.1.10/x', 'must not point at a loopback, private or reserved address'],
    ['https://169.254.169.254/latest/meta-data', 'must not point at a loopback, private or reserved address'],
    ['https://[::1]/x', 'must not point at a loopback, private or reserved address'],
    ['https://[fd12::1]/x', 'must not point at a loopback, private or reserved address'],
    ['https://[::ffff:10.0.0.1]/x', 'must not point at a loopback, private or reserved address'],
    ['https://0.0.0.0/x', 'must not point at a loopback, private or reserved address'],
  ])('refuses %s outside development', (url, problem) => {
    expect(webhookUrlProblem(url, production)).toBe(problem);
  });

  it('refuses what is not a string, and URLs past 2,048 characters', () => {
    expect(webhookUrlProblem(42, production)).toBe('must be an absolute URL');
    expect(webhookUrlProblem(`https://hooks.operator.example/${'a'.repeat(2048)}`, production)).toBe('must be at most 2048 characters');
  });

  it('takes a local http receiver in development, still no credentials or other schemes', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', development)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4010/hook', development)).toBeNull();
    expect(webhookUrlProblem('ftp://127.0.0.1/hook', development)).toBe('must be an http or https URL');
    expect(webhookUrlProblem('http://u:p@127.0.0.1/hook', development)).toBe('must not hold credentials (the signature authenticates the platform)');
  });
});

describe('addressAllowed (each address a delivery connects to)', () => {
  it('allows public unicast addresses only, outside development', () => {
    expect(addressAllowed('93.184.216.34', production)).toBe(true);
    expect(addressAllowed('2606:2800:220:1:248:1893:25c8:1946', production)).toBe(true);
    for (const address of ['127.0.0.1', '10.1.2.3', '100.64.0.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:192.168.0.1', '224.0.0.1', 'not-an-ip']) {
      expect({ address, allowed: addressAllowed(address, production) }).toEqual({ address, allowed: false });
    }
  });

  it('allows anything in development', () => {
    expect(addressAllowed('127.0.0.1', development)).toBe(true);
  });
});

describe('the URL the ledger keeps', () => {
  it('keeps scheme, host and path, and withholds a query or fragment that may hold a token', () => {
    expect(auditedUrl('https://hooks.example.org/ch/events')).toBe('https://hooks.example.org/ch/events');
    expect(auditedUrl('https://hooks.example.org/ch?token=s3cr3t')).toBe('https://hooks.example.org/ch?(withheld)');
    expect(auditedUrl('https://hooks.example.org:8443/#frag')).toBe('https://hooks.example.org:8443/?(withheld)');
  });
});
