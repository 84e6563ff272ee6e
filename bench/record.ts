import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/server-process';

/** Writes one run's figures with the date, machine and commit to bench/results/, and returns the path. */
export function recordRun(name: string, figures: unknown): string {
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const at = new Date().toISOString();
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '',
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${at.slice(0, 19).replace(/:/g, '')}-${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, at, commit, machine, figures }, null, 2)}\n`);
  return file;
}
