import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, request as requests, type APIRequestContext, type Page } from '@playwright/test';
import { TEST_ADMIN_TOKEN } from '../server/test-support/test-credentials.js';
import { baseUrl, storageStateOf, type PersonName } from './e2e-people.js';

export { expect };

/** Where the screenshots of the main pages land, to be looked at after a run. */
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

interface Fixtures {
  /** Every URL the pages of this test asked for, in order. */
  requests: string[];
  /** Sign the test's browser in as one of the e2e people (call before the first navigation). */
  signInAs: (person: PersonName) => Promise<void>;
  /** Accord's REST API as the administrator, for arranging what a test needs. */
  admin: APIRequestContext;
}

/**
 * Every test records every request of every page in its context and fails if one went to another
 * host: installations often have no internet, and a contract document must not make the reader's
 * browser call anyone.
 */
export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => use(baseUrl()),
  requests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (request) => void seen.push(request.url()));
    await use(seen);
    const origin = new URL(baseUrl()).origin;
    const elsewhere = seen.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(elsewhere, 'requests to another host').toEqual([]);
  },
  page: async ({ page, requests }, use) => {
    void requests;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await use(page);
    expect(dialogs, 'dialogs opened by the page').toEqual([]);
  },
  admin: async ({}, use) => {
    const admin = await requests.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    await use(admin);
    await admin.dispose();
  },
  signInAs: async ({ context }, use) => {
    await use(async (person) => {
      const { cookies } = JSON.parse(await readFile(storageStateOf(person), 'utf8')) as { cookies: Parameters<typeof context.addCookies>[0] };
      await context.addCookies(cookies);
    });
  },
});

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}

/** A full-page screenshot under e2e/screenshots/, named after the page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
