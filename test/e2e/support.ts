// What every browser test does: sign a person in from the sign-in page, check a page with axe
// (WCAG 2.1 A and AA), keep its screenshot among the run's artefacts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

const screenshots = join(import.meta.dirname, '../../test-results/e2e-screenshots');
mkdirSync(screenshots, { recursive: true });

/** A new browser context (its own cookie jar: its own person), signed in as `label`. */
export async function signedIn(browser: Browser, label: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/app/');
  await page.getByRole('button', { name: new RegExp(`^${escape(label)} —`) }).click();
  await expect(page.getByText(`Connecté(e) : ${label}`)).toBeVisible();
  return page;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Zero WCAG 2.1 A/AA violations on the page as it stands, and its screenshot kept as `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(violations, `accessibility of ${name}`).toEqual([]);
}

/** A `datetime-local` value in the committee's time zone, at the first whole minute at least `leadSeconds` from now. */
export function nextMinuteInParis(leadSeconds: number): { local: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + leadSeconds * 1000) / 60_000) * 60_000);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return { local: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`, at };
}
