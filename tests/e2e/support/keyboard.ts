import { expect, type Locator, type Page } from '@playwright/test';

/** What has focus, as a person would name it, and whether they can see that it has. */
export type Focused = { desc: string; body: boolean; visible: boolean; inDialog: boolean; key: string };

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement)
      return { desc: 'body', body: true, visible: false, inDialog: false, key: 'body' };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== '' && cs.boxShadow !== 'none';
    // Chromium's date field has a calendar button inside it, a stop of its own: with focus there the
    // field itself is not :focus, and the browser draws the button's ring (no page style reaches it).
    const calendarButton = el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus');
    const name =
      el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40) ?? el.getAttribute('name') ?? '';
    const desc = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"${calendarButton ? ' (calendar)' : ''}`;
    // A stable identity for the element during one walk: its path in the document.
    const path: string[] = [];
    for (let n: Element | null = el; n && n !== document.body; n = n.parentElement)
      path.unshift(String(Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)));
    return {
      desc,
      body: false,
      visible: calendarButton || (el.matches(':focus-visible') && (outline || shadow)),
      inDialog: el.closest('[role="dialog"]') !== null,
      key: path.join('/'),
    };
  });
}

/** The identity `focused` gives an element, for the element a locator finds. */
export async function keyOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const path: string[] = [];
    for (let n: Element | null = el; n && n !== document.body; n = n.parentElement)
      path.unshift(String(Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)));
    return path.join('/');
  });
}

/** Presses Tab (or Shift+Tab) once and checks the element that gets focus shows it. */
export async function tab(page: Page, { back = false } = {}): Promise<Focused> {
  await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  const f = await focused(page);
  if (!f.body) expect(f.visible, `focus is visible on ${f.desc}`).toBe(true);
  return f;
}

/** Tabs (forward, or back) until `wanted` holds for the focused element; fails after `max` presses. */
export async function tabTo(
  page: Page,
  wanted: (el: Focused) => boolean | Promise<boolean>,
  { max = 80, back = false } = {},
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    const f = await tab(page, { back });
    if (await wanted(f)) return f;
  }
  throw new Error(`no element wanted within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** The elements Tab can reach on the page as it stands (by `focused`'s identity), and the presses needed. */
export async function tabbable(page: Page): Promise<{ keys: string[]; presses: number }> {
  return page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]',
      ),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert], [hidden]') &&
        el.getClientRects().length > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        // one stop per group of radio buttons: the checked one (or the first)
        !(
          el instanceof HTMLInputElement &&
          el.type === 'radio' &&
          el.name &&
          !el.checked &&
          document.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)
        ),
    );
    const keys = all.map((el) => {
      const path: string[] = [];
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement)
        path.unshift(String(Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)));
      return path.join('/');
    });
    // Chromium's date field takes a Tab for each of its parts (year, month, day) and its calendar button.
    const dates = all.filter((el) => el instanceof HTMLInputElement && el.type === 'date').length;
    return { keys, presses: all.length + 3 * dates };
  });
}

/**
 * No keyboard trap in the page: on a page just loaded, Tab moves through distinct elements, each
 * showing focus, until it leaves the document (or comes round to the first again). A region that
 * held focus would bring an element round a second time before that, and fail. (Consecutive
 * presses on one element are the parts of a date field.)
 */
export async function tabThroughPage(page: Page): Promise<Focused[]> {
  // Some widgets add stops of their own (a chart's layers): room for them, a trap still repeats.
  const bound = 2 * (await tabbable(page)).presses + 10;
  const seen: Focused[] = [];
  for (let i = 0; i < bound; i++) {
    const f = await tab(page);
    if (f.body && seen.length > 0) return seen;
    if (f.body || f.key === seen.at(-1)?.key) continue;
    const again = seen.findIndex((s) => s.key === f.key);
    if (again === 0) return seen; // round to the start of the page
    expect(again, `Tab came back to ${f.desc} after ${seen.length} steps: focus is trapped`).toBe(-1);
    seen.push(f);
  }
  throw new Error(`Tab did not leave the page within ${bound} presses`);
}
