import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolbar } from './helpers';

/** Import of each corpus Prisma schema through the UI renders every table. */
const corpus = path.resolve(import.meta.dirname, '../../shared/corpus/prisma');
const inputs = existsSync(corpus)
  ? readdirSync(corpus)
      .sort()
      .map((name) => {
        const full = path.join(corpus, name);
        const files = statSync(full).isDirectory()
          ? readdirSync(full)
              .filter((f) => f.endsWith('.prisma'))
              .map((f) => ({ name: f, text: readFileSync(path.join(full, f), 'utf8') }))
          : name.endsWith('.prisma')
            ? [{ name, text: readFileSync(full, 'utf8') }]
            : [];
        return { name, files };
      })
      .filter((i) => i.files.length)
  : [];

test.describe('corpus Prisma schemas import through the UI', () => {
  test.skip(!inputs.length, `corpus not found at ${corpus}`);
  // One page for them all: each import replaces the document shown (loading the app for each took a third of the time).
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    await page.goto('/');
    await expect(page.getByRole('region', { name: /^Table / }).first()).toBeVisible();
  });
  test.afterAll(async () => {
    await page?.close();
  });
  for (const input of inputs) {
    test(input.name, async () => {
      const models = input.files.reduce((n, f) => n + (f.text.match(/^model\s+\w+/gm) ?? []).length, 0);
      const dialog = page.getByRole('dialog', { name: 'Import' });
      await toolbar(page).getByRole('button', { name: 'Import' }).click();
      await page
        .getByLabel('Schema file')
        .setInputFiles(input.files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })));
      // The new document is shown: its name (the first file's) and size.
      const name = input.files[0].name.replace(/\.[^.]+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expect(page.locator('h1')).toHaveText(new RegExp(`^${name}.* · ${models} tables$`), { timeout: 20_000 });
      // The import is done (the canvas shows it first): a dialog closed sooner opens again with its messages.
      await expect(dialog.getByText('Importing…')).toHaveCount(0, { timeout: 20_000 });
      if (await dialog.isVisible()) await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await page.getByRole('button', { name: 'Fit view' }).first().click();
      // Every table is on screen and rendered.
      await expect(page.locator('.react-flow__node-table section')).toHaveCount(models, { timeout: 15_000 });
    });
  }
});
