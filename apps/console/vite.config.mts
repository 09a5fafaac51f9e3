import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The console is built into dist/ and served by the gateway at `/`
 * (`npm run console:build`). `vite --config apps/console/vite.config.mts`
 * serves it while editing, with the API forwarded to the local gateway.
 * libs/audit is bundled from source: the very code `npm run verify-dossier`
 * runs, so the browser checks a dossier and the ledger's proofs itself.
 */
export default defineConfig({
  root: here('.'),
  // libs/audit names the published types and a few constants of libs/contracts (dependency-free, like it).
  resolve: { alias: { '@app/audit': here('../../libs/audit/src'), '@app/contracts': here('../../libs/contracts/src') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1_000,
    rolldownOptions: {
      // React Query marks its modules "use client" for server components; a client-only bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/fhir', '/console/config.json'].map((path) => [path, process.env.GATEWAY_URL ?? 'http://localhost:3000'])),
  },
});
