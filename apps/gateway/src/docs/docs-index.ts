import type { ServiceEntry } from '../registry';

export interface DocsIndexEntry {
  name: string;
  prefixes: string[];
  openApi: string;
}

/** Every service with an API: its prefixes and where the gateway serves its OpenAPI document. */
export const docsIndex = (services: ServiceEntry[]): DocsIndexEntry[] =>
  services
    .filter((s) => s.prefixes.length > 0)
    .map((s) => ({ name: s.name, prefixes: s.prefixes, openApi: `/docs/${s.name}/json` }));

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain page, no scripts: it must work behind any proxy and in any browser. */
export function renderDocsIndex(entries: DocsIndexEntry[]): string {
  const rows = entries.length
    ? entries
        .map(
          (e) =>
            `<tr><td>${escapeHtml(e.name)}</td><td><code>${e.prefixes.map(escapeHtml).join('</code> <code>')}</code></td>` +
            `<td><a href="${escapeHtml(e.openApi)}">${escapeHtml(e.openApi)}</a></td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="3">No service with an API is registered in services.json yet.</td></tr>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Connected-health platform API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.3rem .8rem;text-align:left}</style></head>
<body>
<h1>Connected-health platform API</h1>
<p>Every path below is served through this gateway. Send <code>Authorization: Bearer &lt;JWT&gt;</code>;
a development token comes from <code>npm run token -- --role physician</code>.
Machine-readable index: <a href="/docs/services.json">/docs/services.json</a>.</p>
<table>
<thead><tr><th>service</th><th>paths</th><th>OpenAPI document</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
