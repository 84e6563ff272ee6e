import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where this run keeps the server's address and the administrator's credentials. Each run has its
 * own (global setup names it in the environment its workers inherit): two runs at once on one
 * machine must not read, or tear down, each other's server.
 */
export function stateFile(): string {
  return process.env.E2E_STATE_FILE ?? join(tmpdir(), 'tracker-e2e-state.json');
}

/** Accounts the suite adds through the CLI (the administrator comes from the first start). */
export const E2E_USERS = {
  staff: {
    email: 'staff@nisc.example.go.jp',
    name: '内閣 花子',
    role: 'nisc_staff',
    ministry: null,
    password: 'e2e-cabinet-office-passphrase-1',
  },
  liaison: {
    email: 'liaison@npa.example.go.jp',
    name: '警察 次郎',
    role: 'liaison',
    ministry: 'npa',
    password: 'e2e-police-agency-passphrase-2',
  },
  viewer: {
    email: 'viewer@cas.example.go.jp',
    name: '閲覧 三郎',
    role: 'viewer',
    ministry: null,
    password: 'e2e-read-only-passphrase-3',
  },
} as const;

export type E2EState = {
  url: string;
  pid: number;
  idpPid: number;
  idpIssuer: string;
  dir: string;
  admin: { email: string; password: string; totpSecret?: string };
};

export function e2eState(): E2EState {
  return JSON.parse(readFileSync(stateFile(), 'utf8')) as E2EState;
}
