import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** A throw-away tree laid out like the repository, cruised with the repository's own rules. */
function cruise(files: Record<string, string>): Array<{ rule: string; from: string; to: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', module: 'commonjs' } }));
    // depcruise wants every folder it is given to exist.
    for (const root of ['apps/demo/src', 'libs/demo/src']) mkdirSync(join(dir, root), { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(process.execPath, [DEPCRUISE, 'apps', 'libs', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (!run.stdout.trim().startsWith('{')) throw new Error(`depcruise failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const usesTypeorm = `import { DataSource } from 'typeorm';\nexport const source = DataSource;\n`;
const usesPg = `import { Pool } from 'pg';\nexport const pool = Pool;\n`;

describe('dependency rules of npm run lint (.dependency-cruiser.cjs)', () => {
  it('fails a handler, a controller, a DTO, a domain file, a job and a consumer that import typeorm or pg', () => {
    const violations = cruise({
      'apps/demo/src/queries/get-thing/get-thing.handler.ts': usesTypeorm,
      'apps/demo/src/commands/make-thing/make-thing.http.controller.ts': usesPg,
      'apps/demo/src/commands/make-thing/make-thing.request.dto.ts': usesTypeorm,
      'apps/demo/src/domain/thing.decider.ts': usesTypeorm,
      'apps/demo/src/jobs/thing-expiry.sweep.ts': usesTypeorm,
      'apps/demo/src/messaging/other.consumer.ts': usesPg,
      // The persistence layer may: none of these is a violation.
      'apps/demo/src/projections/things.repository.ts': usesTypeorm,
      'apps/demo/src/projections/things.projection.ts': usesTypeorm,
      'apps/demo/src/store/things.store.ts': usesPg,
      'apps/demo/src/migrations/create-things.migration.ts': usesTypeorm,
    });
    const persistence = violations.filter((v) => v.rule === 'persistence-at-the-edges').map((v) => v.from).sort();
    expect(persistence).toEqual([
      'apps/demo/src/commands/make-thing/make-thing.http.controller.ts',
      'apps/demo/src/commands/make-thing/make-thing.request.dto.ts',
      'apps/demo/src/domain/thing.decider.ts',
      'apps/demo/src/jobs/thing-expiry.sweep.ts',
      'apps/demo/src/messaging/other.consumer.ts',
      'apps/demo/src/queries/get-thing/get-thing.handler.ts',
    ]);
  });

  it('fails a query that imports from commands/, and lets it import what lives beside both', () => {
    const violations = cruise({
      'apps/demo/src/commands/make-thing/thing-maker.ts': `export const maker = 1;\n`,
      'apps/demo/src/projections/thing-view.ts': `export const view = 1;\n`,
      'apps/demo/src/queries/get-thing/get-thing.handler.ts': `import { maker } from '../../commands/make-thing/thing-maker';\nimport { view } from '../../projections/thing-view';\nexport const both = [maker, view];\n`,
    });
    expect(violations).toEqual([
      { rule: 'queries-do-not-use-commands', from: 'apps/demo/src/queries/get-thing/get-thing.handler.ts', to: 'apps/demo/src/commands/make-thing/thing-maker.ts' },
    ]);
  });

  it('fails a pure library that imports a database client', () => {
    const violations = cruise({ 'libs/audit/src/ledger-reader.ts': usesPg, 'libs/event-sourcing/src/store/event-store.ts': usesPg });
    expect(violations.map((v) => [v.rule, v.from])).toEqual([['pure-libs-have-no-database', 'libs/audit/src/ledger-reader.ts']]);
  });

  it('fails libs/audit code that imports a Node built-in, and lets its specs and fixtures cross-check with Node', () => {
    const usesNodeCrypto = `import { createHash } from 'node:crypto';\nexport const h = createHash;\n`;
    const usesUtil = `import { isDeepStrictEqual } from 'util';\nexport const eq = isDeepStrictEqual;\n`;
    const violations = cruise({
      'libs/audit/src/leaf.ts': usesNodeCrypto,
      'libs/audit/src/compare.ts': usesUtil,
      'libs/audit/src/leaf.spec.ts': usesNodeCrypto,
      'libs/audit/src/vectors.fixture.ts': usesNodeCrypto,
      'libs/event-sourcing/src/hasher.ts': usesNodeCrypto,
    });
    const isomorphic = violations.filter((v) => v.rule === 'audit-is-isomorphic').map((v) => v.from).sort();
    expect(isomorphic).toEqual(['libs/audit/src/compare.ts', 'libs/audit/src/leaf.ts']);
  });

  it('fails console code that imports platform code other than libs/audit and libs/contracts, or a Node built-in', () => {
    const violations = cruise({
      'libs/audit/src/seal.ts': `export const seal = 1;\n`,
      'libs/contracts/src/roles.ts': `export const roles = [];\n`,
      'libs/auth/src/guard.ts': `export const guard = 1;\n`,
      'apps/console/src/roles/auditor/check.ts': `import { seal } from '../../../../../libs/audit/src/seal';\nimport { roles } from '../../../../../libs/contracts/src/roles';\nexport const both = [seal, roles];\n`,
      'apps/console/src/auth/guard-copy.ts': `import { guard } from '../../../../libs/auth/src/guard';\nexport const g = guard;\n`,
      'apps/console/src/format/hash.ts': `import { createHash } from 'node:crypto';\nexport const h = createHash;\n`,
      'apps/console/src/format/hash.spec.ts': `import { createHash } from 'node:crypto';\nexport const h = createHash;\n`,
    });
    const found = violations.filter((v) => v.rule.startsWith('console-')).map((v) => [v.rule, v.from]).sort();
    expect(found).toEqual([
      ['console-is-browser-code', 'apps/console/src/format/hash.ts'],
      ['console-uses-only-the-public-api', 'apps/console/src/auth/guard-copy.ts'],
    ]);
  });
});
