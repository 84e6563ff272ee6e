import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * What the first page's code holds (issue 11): the app built as `npm run build` builds it, in
 * memory. index.html loads the entry chunk and the chunks it starts the app with (its steps, and
 * what they import: React) before anything else, so what they hold is evaluated on every first visit. A module there that only a lazy page needs makes every
 * page slower to start; an import chain through a barrel is the usual way one gets in.
 */
let initial: string[] = [];
let entryModules: string[] = [];
let initialCode = '';
let steps: string[][] = [];
beforeAll(async () => {
  const out = (await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  const chunks = out.output.filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry)!;
  // The entry, the steps it starts the app with (its dynamic imports), and what those import.
  const names = new Set<string>();
  const walk = (f: string) => {
    if (names.has(f)) return;
    names.add(f);
    byFile.get(f)?.imports.forEach(walk);
  };
  [entry.fileName, ...entry.dynamicImports].forEach(walk);
  const modulesOf = (c: Rolldown.OutputChunk) => c.moduleIds.map((id) => id.replace(`${ROOT}/`, ''));
  initial = chunks.filter((c) => names.has(c.fileName)).flatMap(modulesOf);
  initialCode = chunks
    .filter((c) => names.has(c.fileName))
    .map((c) => c.code)
    .join('\n');
  entryModules = modulesOf(entry);
  steps = entry.dynamicImports.map((f) => modulesOf(byFile.get(f)!));
}, 120_000);

describe('the code every first visit evaluates', () => {
  it('holds the app shell and the contract', () => {
    expect(initial).toContain('src/client/main.tsx');
    expect(initial).toContain('src/client/app/layout.tsx');
    expect(initial).toContain('src/domain/contract/contract.ts');
  });

  it('leaves the annual report (its schema, text and chart builders) to the pages that show it', () => {
    expect(initial.filter((id) => id.startsWith('src/domain/report/'))).toEqual([]);
  });

  it('evaluates the app in steps, each its own chunk: the entry alone, the contract, then the app', () => {
    // Each chunk the entry imports dynamically is evaluated in a task of its own (decision record 024).
    expect(entryModules).toContain('src/client/main.tsx');
    expect(entryModules.filter((id) => id.includes('node_modules/') && !id.endsWith('.css'))).toEqual([]);
    expect(steps).toHaveLength(2);
    const [contract, app] = steps as [string[], string[]];
    expect(contract).toContain('src/domain/contract/contract.ts');
    expect(contract.some((id) => id.includes('node_modules/zod/'))).toBe(true);
    // Of the client, only the step's own module (a side-effect import of the contract) and the `zod`
    // the build resolves to (zod told not to probe for eval, decision record 025), with zod itself.
    expect(contract.filter((id) => id.startsWith('src/client/')).sort()).toEqual([
      'src/client/app/contract.ts',
      'src/client/zod.ts',
    ]);
    // Imported for its evaluation alone: the barrel's exports are not kept for a namespace object
    // (the server's queries, which the client never calls, came with it; their names stay in one).
    expect(initialCode).not.toContain('listMeasures');
    expect(app).toContain('src/client/app/layout.tsx');
    expect(app.some((id) => id.includes('node_modules/@tanstack/router-core/'))).toBe(true);
    expect(app.filter((id) => id.includes('node_modules/zod/'))).toEqual([]);
  });

  it("leaves recharts to the charts' own chunks", () => {
    expect(initial.filter((id) => id.includes('node_modules/recharts/'))).toEqual([]);
  });
});
