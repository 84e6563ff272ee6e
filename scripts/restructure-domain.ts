/**
 * Codemod (docs/decisions/012-domain-folders-and-forms.md): moves the flat src/domain/*.ts into
 * folders by concern, each with an index.ts as its public face, rewrites every import to match,
 * and adds the lint rules that keep it so. Run it on whatever tree is current:
 *
 *   npx tsx scripts/restructure-domain.ts [--dry-run]
 *
 * A domain file missing from FOLDERS stops it with a list: add the file to the table and run again.
 * Afterwards: npm run typecheck, npx eslint ., npm test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** The cut, by what changes together; a folder imports only other folders' index.ts and never in a circle. */
const FOLDERS: Record<string, readonly string[]> = {
  // The plan itself: its model, statuses, progress, health, deadlines, dates and fiscal years, the snapshot.
  plan: [
    'model',
    'status',
    'progress',
    'progress-history',
    'health',
    'deadline',
    'fiscal-year',
    'dates',
    'snapshot',
    'i18n',
    'public-comments',
    'test-fixtures',
    'expected',
    'source-text',
    'strategy-text',
    'tokyo2020',
  ],
  // Figures computed from the plan for an as-of date: overview, attention, roll-ups, timeline, series.
  dashboard: [
    'dashboard',
    'attention',
    'summary',
    'ministry-summary',
    'timeline',
    'series',
    'plan-progress',
    'forecast',
  ],
  // The annual cycle (年次計画・年次報告の元データ): plan rows, export and import.
  annual: ['annual-plan', 'annual-export', 'annual-import', 'csv'],
  // The annual report's model and its renderings.
  report: ['report-model', 'report-html', 'report-markdown', 'report-text', 'report-charts', 'markdown-escape'],
  // Accounts, roles, permissions, password rules.
  auth: ['auth', 'common-passwords'],
  // The API's schemas, the list query semantics and the write rules they validate.
  contract: [
    'contract',
    'contract-annual',
    'contract-auth',
    'contract-dashboard',
    'contract-updates',
    'queries',
    'updates',
  ],
  // Route tables: path, access rule, schemas, OpenAPI entry (they draw on contract, auth and report).
  routes: ['routes', 'routes-write', 'routes-annual'],
  // The seed files' schema and their compilation into the plan.
  seeds: ['seed-schema', 'compile-seeds', 'strategy-text-checks'],
};

const root = resolve(import.meta.dirname, '..');
const domain = join(root, 'src/domain');
const dry = process.argv.includes('--dry-run');

const folderOf = new Map(Object.entries(FOLDERS).flatMap(([f, names]) => names.map((n) => [n, f] as const)));
const flat = readdirSync(domain).filter((f) => f.endsWith('.ts'));
if (flat.length === 0) {
  console.log('src/domain has no flat files: already restructured');
  process.exit(0);
}
const missing = flat.map((f) => f.replace(/(\.test)?\.ts$/, '')).filter((n) => !folderOf.has(n));
if (missing.length) {
  console.error(`Not in the table (add each to FOLDERS in ${relative(root, import.meta.filename)}):`);
  for (const n of [...new Set(missing)]) console.error(`  src/domain/${n}.ts`);
  process.exit(1);
}

/** old absolute path (no extension) → new absolute path (no extension) */
const moves = new Map<string, string>();
for (const file of flat) {
  const stem = file.replace(/\.ts$/, '');
  moves.set(join(domain, stem), join(domain, folderOf.get(stem.replace(/\.test$/, ''))!, stem));
}

const walk = (dir: string): string[] =>
  !existsSync(dir)
    ? []
    : readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.name === 'node_modules' || e.name.startsWith('.')
          ? []
          : e.isDirectory()
            ? walk(join(dir, e.name))
            : /\.(ts|tsx|mts)$/.test(e.name)
              ? [join(dir, e.name)]
              : [],
      );
const files = [
  ...['src', 'mocks', 'tests', 'scripts', 'bench', 'seeds'].flatMap((d) => walk(join(root, d))),
  ...['vite.config.ts', 'vitest.config.ts'].map((f) => join(root, f)).filter(existsSync),
];

/** Resolves a specifier to an absolute path without extension, or null for packages. */
function target(spec: string, fromDir: string): string | null {
  const alias = /^@\/(domain|client|server)\/(.*)$/.exec(spec);
  const abs = alias ? join(root, 'src', alias[1]!, alias[2]!) : spec.startsWith('.') ? resolve(fromDir, spec) : null;
  return abs?.replace(/\.(ts|tsx|js)$/, '') ?? null;
}
const posix = (p: string) => p.split('\\').join('/');
const relativeSpec = (fromDir: string, to: string) => {
  const r = posix(relative(fromDir, to));
  return r.startsWith('.') ? r : `./${r}`;
};
const SPEC = /((?:\bfrom|\bimport|\bvi\.mock\(|\bimport\()\s*)(['"])([^'"\n]+)\2/g;

const outside = new Map<string, Set<string>>(); // folder → modules used from outside it
let changed = 0;
const writes: [string, string, string][] = []; // [old path, new path, text]
for (const file of files) {
  const stem = file.replace(/\.(ts|tsx|mts)$/, '');
  const ext = file.slice(stem.length);
  const newFile = (moves.get(stem) ?? stem) + ext;
  const oldDir = dirname(file);
  const newDir = dirname(newFile);
  const inDomain = newFile.startsWith(domain + '/');
  const myFolder = inDomain ? relative(domain, newDir).split('/')[0] : null;
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SPEC, (all, lead: string, q: string, spec: string) => {
    const t = target(spec, oldDir);
    if (!t) return all;
    const moved = moves.get(t);
    if (moved) {
      const folder = relative(domain, dirname(moved));
      if (folder === myFolder) return `${lead}${q}${relativeSpec(newDir, moved)}${q}`;
      if (!outside.has(folder)) outside.set(folder, new Set());
      outside.get(folder)!.add(basename(moved));
      return `${lead}${q}@/domain/${folder}${q}`;
    }
    // Anything else under src/ that a relative path reaches two levels up (or that moved away from it): by alias.
    const under = /^src\/(client|server|domain)\//.exec(posix(relative(root, t)));
    if (spec.startsWith('.') && under && (spec.startsWith('../../') || newDir !== oldDir))
      return `${lead}${q}@/${posix(relative(join(root, 'src'), t))}${q}`;
    if (spec.startsWith('.') && newDir !== oldDir) return `${lead}${q}${relativeSpec(newDir, t)}${q}`;
    return all;
  });
  if (next !== text || newFile !== file) {
    changed++;
    writes.push([file, newFile, next]);
  }
}

/** Names a module exports, to find the ones two modules of a folder share. */
function exportedNames(path: string): string[] {
  const src = readFileSync(path, 'utf8');
  const names = [
    ...src.matchAll(
      /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|type|interface|enum)\s+(\w+)/gm,
    ),
  ].map((m) => m[1]!);
  for (const m of src.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm))
    names.push(
      ...m[1]!
        .split(',')
        .map((s) =>
          s
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .replace(/^type\s+/, ''),
        )
        .filter(Boolean),
    );
  return names;
}

const indexes = new Map<string, string>();
for (const [folder, stems] of Object.entries(FOLDERS)) {
  const present = stems.filter((s) => flat.includes(`${s}.ts`));
  if (present.length === 0) continue;
  const seen = new Map<string, string>();
  const lines = [
    `/** The public face of src/domain/${folder}: other folders and the rest of the app import only this. */`,
  ];
  for (const s of present) {
    const names = exportedNames(join(domain, `${s}.ts`));
    const clash = names.filter((n) => seen.has(n));
    names.forEach((n) => seen.set(n, s));
    if (clash.length === 0) lines.push(`export * from './${s}';`);
    else {
      console.warn(
        `${folder}/${s}: ${clash.join(', ')} also exported by ${clash.map((n) => seen.get(n)).join(', ')}; left out of index.ts`,
      );
      const keep = names.filter((n) => !clash.includes(n));
      lines.push(`export { ${keep.join(', ')} } from './${s}';`);
    }
  }
  indexes.set(join(domain, folder, 'index.ts'), lines.join('\n') + '\n');
}

/** Lint: no folder's internals from outside it, and no import climbing more than one level. */
function lintRules(config: string): string {
  if (config.includes('domainFolders')) return config;
  const folders = Object.keys(FOLDERS);
  const block = `
/** src/domain's folders (scripts/restructure-domain.ts): from outside a folder, only its index.ts. */
const domainFolders = ${JSON.stringify(folders)};
const domainBoundaries = [
  ...domainFolders.map((folder) => ({
    target: \`./src/domain/\${folder}\`,
    from: './src/domain',
    except: [\`./\${folder}\`, ...domainFolders.map((f) => \`./\${f}/index.ts\`)],
    message: 'Import another domain folder through its index.ts (@/domain/<folder>), not its files.',
  })),
  {
    target: ['./src/client', './src/server', './mocks', './tests', './scripts', './bench', './seeds'],
    from: './src/domain',
    except: domainFolders.map((f) => \`./\${f}/index.ts\`),
    message: 'Import the domain through a folder\\'s public face: @/domain/<folder>.',
  },
];
const importPatterns = [
  { group: ['@/domain/*/*'], message: 'Import the domain folder (@/domain/<folder>), not a file inside it.' },
  // The top-level seeds/, mocks/ and tests/ have no alias: reaching them from src/ is allowed.
  {
    regex: '^\\\\.\\\\./\\\\.\\\\./(?!(\\\\.\\\\./)*(seeds|mocks|tests)(/|$))',
    message: 'No import climbs more than one level: use @/client, @/domain or @/server.',
  },
];
`;
  let out = config.replace(/\nexport default /, `${block}\nexport default `);
  out = out.replace(
    "'import-x/no-restricted-paths': ['error', { zones: boundaries }],",
    "'import-x/no-restricted-paths': ['error', { zones: [...boundaries, ...domainBoundaries] }],\n      'no-restricted-imports': ['error', { patterns: importPatterns }],",
  );
  out = out.replace(
    "{ patterns: [{ group: ['node:*'], message: 'The domain imports nothing from Node.' }] },",
    "{ patterns: [{ group: ['node:*'], message: 'The domain imports nothing from Node.' }, ...importPatterns] },",
  );
  // Tests reach the shared harness in tests/ from beside the code they test.
  out = out.replace(
    "    files: ['tests/e2e/**/*.ts'],",
    "    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'src/client/main.tsx'],\n    rules: { 'no-restricted-imports': ['error', { patterns: importPatterns.slice(0, 1) }] },\n  },\n  {\n    files: ['tests/e2e/**/*.ts'],",
  );
  return out;
}

console.log(`${moves.size} domain files into ${indexes.size} folders; ${changed} files rewritten`);
for (const [folder, used] of outside)
  console.log(`  @/domain/${folder}: used from outside for ${[...used].sort().join(', ')}`);
if (dry) process.exit(0);
for (const [from, to, text] of writes) {
  mkdirSync(dirname(to), { recursive: true });
  if (from !== to) renameSync(from, to);
  writeFileSync(to, text);
}
for (const [path, text] of indexes) writeFileSync(path, text);
const eslint = join(root, 'eslint.config.js');
writeFileSync(eslint, lintRules(readFileSync(eslint, 'utf8')));
console.log('done: now npm run typecheck && npx eslint . && npx prettier --write src/domain eslint.config.js');
