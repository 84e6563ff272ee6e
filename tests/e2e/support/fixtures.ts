import { test as base, expect, type Page } from '@playwright/test';
import { totpAt } from '@/server/auth/totp';
import { e2eState, E2E_USERS } from './users';

/** Tests get the running server's address (it is only known once global setup has started it). */
export const test = base.extend<{ lang: 'ja' | 'en' }>({
  lang: ['ja', { option: true }],
  baseURL: async ({}, use) => use(e2eState().url),
  page: async ({ page, lang }, use) => {
    await page.addInitScript((l) => localStorage.setItem('tracker.lang', l), lang);
    // Every page a test opens keeps to the Content Security Policy: a violation is either an attack
    // or the app's own code doing what the policy forbids (zod's eval probe did, src/client/zod.ts).
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} by ${e.sourceFile}:${e.lineNumber}`),
      ),
    );
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().startsWith('CSP violation')) violations.push(m.text());
    });
    await use(page);
    expect(violations, 'Content Security Policy violations').toEqual([]);
  },
});
export { expect };

export async function signIn(page: Page, who: keyof typeof E2E_USERS): Promise<void> {
  const u = E2E_USERS[who];
  await page.goto('/login');
  await page.locator('#login-email').fill(u.email);
  await page.locator('#login-password').fill(u.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export function totpNow(secret: string): string {
  return totpAt(secret, Date.now() / 1000);
}
