import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * What the build does for the first visit (issue 11, decision record 018):
 *   - `route-preloads.json`: for each route of src/client/app/router.tsx, the page's own chunks and
 *     styles beyond what index.html already loads; the server lists them in that page's index.html
 *     as modulepreload, so they load beside the entry instead of after it (src/server/static.ts);
 *   - V8's explicit compile hint on the chunks whose functions nearly all run on the first screen
 *     (React, recharts): compiled on a background thread while they download, rather than one by
 *     one on the main thread the first time each is called (the first chart's mount was mostly that);
 *   - `.br` and `.gz` beside every text file, compressed once at the highest levels.
 */
export function firstLoad({ routerFile, serverBuild }: { routerFile: string; serverBuild: boolean }): Plugin {
  return {
    name: 'first-load',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      for (const chunk of chunks) {
        if (chunk.moduleIds.some((id) => EAGER.test(id))) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      }
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
      const cssOf = (files: Iterable<string>) =>
        [...files].flatMap((f) => [
          ...((byFile.get(f) as { viteMetadata?: { importedCss: Set<string> } })?.viteMetadata?.importedCss ?? []),
        ]);
      const initial = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      const initialCss = new Set(cssOf(initial));
      const routes: Record<string, { js: string[]; css: string[] }> = {};
      for (const { path, module } of routesOf(readFileSync(routerFile, 'utf8'))) {
        const target = resolve(dirname(routerFile), module);
        const page = chunks.find((c) => c.facadeModuleId?.replace(/\.tsx?$/, '') === target);
        if (!page) this.error(`route ${path}: no chunk for ${module}`);
        const own = [...closure([page.fileName])].filter((f) => !initial.has(f));
        routes[path] = {
          js: own.map((f) => `/${f}`),
          css: [...new Set(cssOf(own))].filter((f) => !initialCss.has(f)).map((f) => `/${f}`),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(routes, null, 1) });
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

/** Chromium's explicit compile hint (V8, Chrome 136+): compile every function of this script eagerly. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const EAGER = /[\\/]node_modules[\\/](?:react-dom|recharts)[\\/]/;

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
