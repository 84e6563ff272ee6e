import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** axe with WCAG 2.0/2.1 A and AA rules: zero violations, listed by rule and element if any. */
export async function expectAccessible(
  page: Page,
  label: string,
  { include }: { include?: string } = {},
): Promise<void> {
  // Only violations are collected in full: on a long page (the annual report's 258-row annex) listing
  // every passing node costs more than the checks themselves. Every rule of the tags still runs.
  let axe = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  // A part of the page whose rest another check has covered (a dialog over the annual report).
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}

/** A screenshot for people to look at, under tests/e2e/artifacts/ (ignored by git). */
/** One part of a page (a panel, a card), where a full page would be too tall to look at. */
export async function snapshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await locator.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export async function snapshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}
