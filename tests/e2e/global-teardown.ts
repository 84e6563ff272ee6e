import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE } from './support/users';

export default function globalTeardown(): void {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; dir: string };
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(state.dir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}
