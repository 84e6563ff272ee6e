import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/**
 * What the build does for the first visit (issue 11, decision record 018):
 *   - `route-preloads.json`: for each route of src/client/app/router.tsx, the page's own chunks and
 *     styles beyond what index.html already loads; the server lists them in that page's index.html
 *     as modulepreload, so they load beside the entry instead of after it (src/server/static.ts);
 *   - V8's explicit compile hint on the chunks whose functions nearly all run on the first screen
 *     (React, recharts): compiled on a background thread while they download, rather than one by
 *     one on the main thread the first time each is called (the first chart's mount was mostly that);
 *   - `.br` and `.gz` beside every text file, compressed once at the highest levels;
 *   - few chunks on the way to the first screen (decision record 022): rolldown split off every
 *     module a lazy page shares with the entry, down to 43-byte ones, each a request on one of six
 *     HTTP/1.1 connections (the overview's first visit made 29 before its data). Now index.html
 *     loads React (its own chunk, so that the compile hint covers React alone: on the whole entry
 *     it compiled zod and the router eagerly too, and the entry's evaluation took 130 ms of CPU
 *     instead of 80) and the entry (`chunkPlan`), and the landing page (route `/`) is one chunk;
 *   - the app's start in steps (decision record 024): main.tsx imports the contract and then the
 *     app dynamically, each a chunk of its own that the browser evaluates in a task of its own;
 *     index.html links the steps' chunks and styles, so that neither waits for a download.
 */
export function firstLoad({ routerFile, serverBuild }: { routerFile: string; serverBuild: boolean }): Plugin {
  let plan: ChunkPlan = { entry: new Set(), steps: [], landing: new Set() };
  let base = '/';
  return {
    name: 'first-load',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const pages = routesOf(readFileSync(routerFile, 'utf8')).map(({ path, module }) => {
        const target = resolve(dirname(routerFile), module);
        const id = ids.find((m) => m.replace(/\.tsx?$/, '') === target);
        if (!id) this.error(`route ${path}: no module for ${module}`);
        return { path, id };
      });
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      plan = chunkPlan({
        entries,
        pages,
        imports: (id) => this.getModuleInfo(id)?.importedIds ?? [],
        // The in-browser mock the demo starts first is not a step of the app's start.
        dynamicImports: (id) => (this.getModuleInfo(id)?.dynamicallyImportedIds ?? []).filter((i) => !MOCKS.test(i)),
      });
      if (plan.steps.length > MAX_STEPS)
        this.error(`the app starts in ${plan.steps.length} steps, at most ${MAX_STEPS}`);
    },
    outputOptions(options) {
      const groups = [
        { name: 'react', test: (id: string) => EAGER_INITIAL.test(id), priority: 3 },
        // The entry chunk takes this group: it holds the entry module.
        { name: 'index', test: (id: string) => plan.entry.has(id), priority: 2 },
        // One group per step, its name the step's chunk name, an earlier step first: a group takes what
        // its modules import too, and the app's step imports the contract's. (The groups are made before
        // the build has read the module graph, so each reads the plan when it is called.)
        ...Array.from({ length: MAX_STEPS }, (_, i) => ({
          name: (id: string) => (plan.steps[i]?.modules.has(id) ? plan.steps[i].name : null),
          debugName: `step ${i + 1}`,
          priority: 2 + (MAX_STEPS - i) / 10,
        })),
        { name: 'overview-page', test: (id: string) => plan.landing.has(id), priority: 1 },
      ];
      const given = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      return { ...options, codeSplitting: { ...given, groups: [...(given.groups ?? []), ...groups] } };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      addCompileHints(chunks);
      if (!serverBuild) return;
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const walk = (f: string) => {
          if (seen.has(f)) return;
          seen.add(f);
          for (const i of byFile.get(f)?.imports ?? []) walk(i);
        };
        start.forEach(walk);
        return seen;
      };
      const cssOf = (files: Iterable<string>) => [...files].flatMap((f) => [...stylesOf(byFile.get(f))]);
      const initial = closure(startChunks(chunks));
      const initialCss = new Set(cssOf(initial));
      const routes: Record<string, { js: string[]; css: string[] }> = {};
      for (const { path, module } of routesOf(readFileSync(routerFile, 'utf8'))) {
        const target = resolve(dirname(routerFile), module);
        // The page's own chunk, or the group's chunk that holds it (the landing page's).
        const isPage = (id: string | null) => id?.replace(/\.tsx?$/, '') === target;
        const page = chunks.find((c) => isPage(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds.some(isPage));
        if (!page) this.error(`route ${path}: no chunk for ${module}`);
        const own = [...closure([page.fileName])].filter((f) => !initial.has(f));
        routes[path] = {
          js: own.map((f) => `/${f}`),
          css: [...new Set(cssOf(own))].filter((f) => !initialCss.has(f)).map((f) => `/${f}`),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(routes, null, 1) });
    },
    // The entry's steps (and what they import) load with it, not after its evaluation asks for them.
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const linked = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]));
        const files: string[] = [];
        const walk = (f: string) => {
          if (linked.has(f)) return;
          linked.add(f);
          files.push(f);
          for (const i of byFile.get(f)?.imports ?? []) walk(i);
        };
        startChunks(chunks).forEach(walk);
        // Their styles as stylesheets, as Vite links the entry's: left to the dynamic import, they
        // would be asked for only when the step runs, and the step would wait for them.
        const linkedCss = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [...stylesOf(c)]));
        const css = [...new Set(files.flatMap((f) => [...stylesOf(byFile.get(f))]))].filter((f) => !linkedCss.has(f));
        return [
          ...css.map((f) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${f}` },
            injectTo: 'head' as const,
          })),
          ...files.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
    // After every plugin has had its say on the code (Vite prepends its preload map to the entry).
    writeBundle(options, bundle) {
      if (!serverBuild || !options.dir) return;
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const path = join(options.dir, name);
        const body = readFileSync(path);
        if (body.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 10 } }));
      }
    },
  };
}

/** The styles Vite has attached to a chunk (its CSS imports, extracted). */
const stylesOf = (chunk: OutputChunk | undefined): ReadonlySet<string> =>
  (chunk as { viteMetadata?: { importedCss: Set<string> } } | undefined)?.viteMetadata?.importedCss ?? new Set();

/** The app's start in at most this many steps (dynamic imports of the entry, main.tsx). */
const MAX_STEPS = 4;

/** The in-browser mock (the static demo): started by main.tsx before the app, not a step of it. */
const MOCKS = /[\\/]mocks[\\/]/;

/**
 * The chunks every page loads before its own: the entry's, and those of its steps (the chunks it
 * imports dynamically to start the app, main.tsx), in that order; not the in-browser mock's.
 */
function startChunks(chunks: readonly OutputChunk[]): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  return chunks
    .filter((c) => c.isEntry)
    .flatMap((c) => [c.fileName, ...c.dynamicImports.filter((f) => !MOCKS.test(byFile.get(f)?.facadeModuleId ?? ''))]);
}

/** Chromium's explicit compile hint (V8, Chrome 136+): compile every function of this script eagerly. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The compile hint on every chunk that holds React's DOM renderer or recharts (bench:charts' page too). */
export function addCompileHints(chunks: readonly OutputChunk[]): void {
  for (const chunk of chunks) {
    if (chunk.moduleIds.some((id) => EAGER.test(id))) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
  }
}
const EAGER = /[\\/]node_modules[\\/](?:react-dom|recharts)[\\/]/;
/** React, its DOM renderer and scheduler: one chunk of the first screen, all of it run at once. */
const EAGER_INITIAL = /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/;

/**
 * The lazily loaded pages of the router: each `createRoute({ … path: '…', … import('…') … })`.
 * Exported for its test, which checks it finds every lazy route of the real router file.
 */
export function routesOf(source: string): { path: string; module: string }[] {
  const out: { path: string; module: string }[] = [];
  for (const block of source.split(/createRoute\(\{/).slice(1)) {
    const body = block.split(/\n\}\);/)[0] ?? '';
    const path = /\bpath:\s*'([^']+)'/.exec(body)?.[1];
    const module = /lazyRouteComponent\(\s*\(\)\s*=>\s*import\('([^']+)'\)/.exec(body)?.[1];
    if (path && module) out.push({ path, module });
  }
  return out;
}

export type ChunkPlan = {
  entry: Set<string>;
  /** The app's start, one chunk per step, evaluated in that order (each a task of its own). */
  steps: { name: string; modules: Set<string> }[];
  landing: Set<string>;
};

/**
 * Which modules go with the entry, with each of its steps, and with the landing page (the route
 * `/`), from the module graph's static imports (a lazy `import()` is a chunk boundary, left as it is):
 *   - the entry chunk: everything the entries import statically;
 *   - a chunk per step (decision record 024): the modules the entry imports dynamically to start the
 *     app (main.tsx: the contract, then the app; a step that imports another comes after it), each
 *     with what it imports that no earlier step has. The browser evaluates each in a task of its
 *     own: in one, with the entry, the app's evaluation was the first visit's longest task;
 *   - what most pages (at least half) import, such as the loading and error states, goes with the
 *     last step (or the entry, without steps): small, and a request less on every page;
 *   - the landing page's chunk: the rest of what the landing page imports. Another page that shares
 *     one of those modules (the ministry page its charts' frame) loads that chunk too, a few KB.
 */
export function chunkPlan({
  entries,
  pages,
  imports,
  dynamicImports = () => [],
}: {
  entries: readonly string[];
  pages: readonly { path: string; id: string }[];
  imports: (id: string) => readonly string[];
  /** A module's lazy `import()`s: those of the entries' own modules are the app's start (its steps). */
  dynamicImports?: (id: string) => readonly string[];
}): ChunkPlan {
  const closure = (starts: readonly string[]) => {
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      imports(id).forEach(walk);
    };
    starts.forEach(walk);
    return seen;
  };
  const entry = closure(entries);
  const initial = new Set(entry);
  const stepIds = [...new Set([...entry].flatMap((id) => dynamicImports(id)))];
  // A step that imports another comes after it (the app after the contract it uses).
  const before = (id: string) => stepIds.filter((other) => other !== id && closure([id]).has(other)).length;
  const ordered = [...stepIds].sort((a, b) => before(a) - before(b));
  const steps = ordered.map((id) => {
    const modules = new Set([...closure([id])].filter((m) => !initial.has(m)));
    modules.forEach((m) => initial.add(m));
    return { name: stepName(id), modules };
  });
  const users = new Map<string, number>();
  for (const page of pages) {
    for (const id of closure([page.id])) if (!initial.has(id)) users.set(id, (users.get(id) ?? 0) + 1);
  }
  const shared = steps.at(-1)?.modules ?? entry;
  for (const [id, n] of users) {
    if (n * 2 < pages.length) continue;
    shared.add(id);
    initial.add(id);
  }
  const home = pages.find((p) => p.path === '/');
  const landing = new Set(home ? [...closure([home.id])].filter((id) => !initial.has(id)) : []);
  return { entry, steps, landing };
}

/** A step's chunk name: its module's file name, or its folder's for an index (…/contract/index.ts). */
function stepName(id: string): string {
  const parts = id.replace(/\.[cm]?[jt]sx?$/, '').split(/[\\/]/);
  const last = parts.at(-1)!;
  return last === 'index' ? (parts.at(-2) ?? last) : last;
}
