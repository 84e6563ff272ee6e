import { existsSync, readFileSync, rmSync } from 'node:fs';
import { stateFile } from './support/users';

export default function globalTeardown(): void {
  const file = stateFile();
  if (!existsSync(file)) return;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; idpPid?: number; dir: string };
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  try {
    if (state.idpPid) process.kill(-state.idpPid, 'SIGTERM'); // the provider's process group (npm → tsx → node)
  } catch {
    // already gone
  }
  rmSync(state.dir, { recursive: true, force: true });
  rmSync(file, { force: true });
}
