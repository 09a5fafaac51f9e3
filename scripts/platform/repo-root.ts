import { resolve } from 'node:path';

/** services.json paths (entries, migration modules) are relative to the repository root. */
export const REPO_ROOT = resolve(__dirname, '../..');
