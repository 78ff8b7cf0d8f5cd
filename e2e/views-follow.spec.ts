import { expect, test } from '@playwright/test';
import { table, toolbar } from './helpers';

const SQL = `CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL);
CREATE VIEW author_names AS SELECT id, name FROM author WHERE name <> '';`;

test('a view follows a column renamed on the canvas, and goes, after a confirmation, with a column deleted', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Or paste Prisma, SQL or a Schemata document').fill(SQL);
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
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
