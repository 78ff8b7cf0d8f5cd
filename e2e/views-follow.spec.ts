import { expect, test } from '@playwright/test';
import { importPasted, table } from './helpers';

const SQL = `CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL);
CREATE VIEW author_names AS SELECT id, name FROM author WHERE name <> '';`;

test('a view follows a column renamed on the canvas, and goes, after a confirmation, with a column deleted', async ({ page }) => {
  test.setTimeout(90_000);
  await importPasted(page, SQL);
  const view = page.getByRole('region', { name: 'View author_names' });
  await expect(view).toBeVisible();

  // Renamed in the inspector: the view reads the new name, and keeps its own column's.
  await table(page, 'author').getByRole('heading', { name: 'author' }).click();
  const column = page.getByRole('listitem', { name: 'Column name', exact: true });
  await column.getByRole('textbox', { name: 'Column name' }).fill('full_name');
  await column.getByRole('textbox', { name: 'Column name' }).press('Enter');
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText('full_name AS name');
  await expect(ddl).toContainText('WHERE full_name <>');

  // Deleted: the view that reads it would go too, so the editor asks first.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('button', { name: 'Delete column full_name' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete column?' });
  await expect(confirm).toContainText('Deleting full_name also drops the view author_names that reads it.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(view).toBeHidden();
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'SQL' }).click();
  await expect(ddl).not.toContainText('CREATE VIEW');
});

test('a field renamed by typing in the Prisma text is the column renamed: the view follows it', async ({ page }) => {
  test.setTimeout(90_000);
  await importPasted(page, SQL);
  const view = page.getByRole('region', { name: 'View author_names' });
  await expect(view).toBeVisible();

  // Typed with a pause in the middle: the code panel applies "fullname", then "full_name".
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  const line = editor.locator('.cm-line', { hasText: /^\s*name\s+String$/ }).first();
  await line.click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('full');
  await expect(table(page, 'author')).toContainText('fullname');
  await page.keyboard.type('_');
  await expect(table(page, 'author')).toContainText('full_name');

  await expect(view).toBeVisible();
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText('full_name AS name');
  await expect(ddl).toContainText('WHERE full_name <>');
});
