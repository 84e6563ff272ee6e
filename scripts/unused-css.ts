/**
 * Lists the CSS classes in src/client's style sheets that no client (or domain) source file names: selectors
 * nothing can match, to delete. Class names built from a template (`badge--status-${s}`) count by
 * their fixed part; recharts' own classes are the library's.
 *   npx tsx scripts/unused-css.ts        exits 1 when it finds any
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const client = join(root, 'src/client');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

const all = files(client);
// The domain renders report HTML (report-html.ts) that the client's sheets style.
const code = [...all, ...files(join(root, 'src/domain'))].filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const sources = [...code, join(root, 'index.html')].map((f) => readFileSync(f, 'utf8'));
const text = sources.join('\n');
const prefixes = [...text.matchAll(/([A-Za-z][\w-]*[-_])\$\{/g)].map((m) => m[1]!).filter((p) => p.length >= 4);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const named = (cls: string) =>
  new RegExp(`(?<![\\w-])${escape(cls)}(?![\\w-])`).test(text) || prefixes.some((p) => cls.startsWith(p));

let found = 0;
for (const sheet of all.filter((f) => f.endsWith('.css'))) {
  const css = readFileSync(sheet, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  // Class names in selectors: what stands before a `{`, not inside declarations or attribute values.
  const selectors = [...css.matchAll(/([^{};]+)\{/g)].map((m) => m[1]!.replace(/\[[^\]]*\]/g, ''));
  const classes = new Set(selectors.flatMap((s) => [...s.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!)));
  for (const cls of classes) {
    if (cls.startsWith('recharts-') || named(cls)) continue;
    console.log(`${relative(root, sheet)}: .${cls}`);
    found++;
  }
}
console.log(found ? `${found} unused classes` : 'no unused classes');
process.exitCode = found ? 1 : 0;
