import type { UserRole } from '@/domain/auth';

/** A demo account the sign-in page offers with one click (mock mode only: the static demo, dev:mock). */
export type DemoAccount = { email: string; password: string; name: string; role: UserRole };

let accounts: readonly DemoAccount[] = [];

/**
 * Set once by main.tsx from the in-browser mock. The accounts live in mocks/ and reach the page only
 * in a mock-mode build; the server build has none, and its sign-in page no such buttons.
 */
export function setDemoAccounts(list: readonly DemoAccount[]): void {
  accounts = list;
}

export function demoAccounts(): readonly DemoAccount[] {
  return accounts;
}
