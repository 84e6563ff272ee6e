import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * What the first page's code holds (issue 11): the app built as `npm run build` builds it, in
 * memory. index.html loads the entry chunk and the React chunk before anything else, so what they
 * hold is evaluated on every first visit. A module there that only a lazy page needs makes every
 * page slower to start; an import chain through a barrel is the usual way one gets in.
 */
let initial: string[] = [];
beforeAll(async () => {
  const out = (await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  const chunks = out.output.filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry)!;
  const names = new Set([entry.fileName, ...entry.imports]);
  initial = chunks
    .filter((c) => names.has(c.fileName))
    .flatMap((c) => c.moduleIds)
    .map((id) => id.replace(`${ROOT}/`, ''));
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

  it("leaves recharts to the charts' own chunks", () => {
    expect(initial.filter((id) => id.includes('node_modules/recharts/'))).toEqual([]);
  });
});
