import { NO_TOPICS } from '../registry';
import { docsIndex, renderDocsIndex } from './docs-index';

const services = [
  { name: 'gateway', port: 3000, entry: 'g.ts', prefixes: [], topics: NO_TOPICS },
  { name: 'audit-ledger', port: 3005, entry: 'a.ts', prefixes: ['/v1/ledger', '/v1/liability'], topics: NO_TOPICS },
];

describe('the docs index', () => {
  it('lists each service with an API and the gateway path of its OpenAPI document', () => {
    expect(docsIndex(services)).toEqual([
      { name: 'audit-ledger', prefixes: ['/v1/ledger', '/v1/liability'], openApi: '/docs/audit-ledger/json' },
    ]);
  });

  it('links every document from the HTML page', () => {
    const html = renderDocsIndex(docsIndex(services));
    expect(html).toContain('<a href="/docs/audit-ledger/json">');
    expect(html).toContain('<code>/v1/ledger</code> <code>/v1/liability</code>');
    expect(renderDocsIndex([])).toContain('No service with an API');
  });
});
