import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { table, toolbar } from './helpers';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test('a multi-file Prisma schema is named after its folder, and downloads as one archive with its folders', async ({ page }) => {
  test.skip(!hasUnzip, 'no unzip on this machine');
  const dir = mkdtempSync(path.join(tmpdir(), 'schemata-export-'));
  const root = path.join(dir, 'shop');
  mkdirSync(path.join(root, 'models'), { recursive: true });
  writeFileSync(path.join(root, 'schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\n');
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Mu']) {
    writeFileSync(path.join(root, 'models', `${name.toLowerCase()}.prisma`), `model ${name} {\n  id Int @id\n}\n`);
  }
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  await page.getByRole('dialog', { name: 'Import' }).getByLabel('Schema folder').setInputFiles(root);
  await expect(table(page, 'Mu')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Import' })).toBeHidden();
  // Named after its folder, not its first file.
  await expect(page.locator('h1')).toContainText('shop');

  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('prisma');
  await expect(dialog.getByLabel('Export preview')).toContainText('model Mu');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const archive = path.join(dir, 'out.zip');
  await download.saveAs(archive);
  expect(execFileSync('unzip', ['-t', archive], { encoding: 'utf8' })).toMatch(/No errors detected/);
  const names = execFileSync('unzip', ['-Z1', archive], { encoding: 'utf8' }).trim().split('\n');
  expect(names).toHaveLength(13);
  expect(names.filter((n) => n.endsWith('models/mu.prisma'))).toHaveLength(1);
  expect(execFileSync('unzip', ['-p', archive, names.find((n) => n.endsWith('models/mu.prisma'))!], { encoding: 'utf8' })).toContain('model Mu {');
});

test('Copy says Copied only for the text it copied: another format can be copied again', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('model User');
  await dialog.getByLabel('Format').selectOption('postgres');
  await expect(dialog.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('CREATE TABLE');
});
