import { expect, test } from '@playwright/test';
import { addTable, clearCanvas, connect, table, toolbar } from './helpers';
import { validatePrisma } from '../lib/prisma/validate';
import { PGlite } from '@electric-sql/pglite';

test('a user builds a three-table schema with a 1:n and an m:n relation, exports it, reloads and undoes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await clearCanvas(page);

  await addTable(page, 'Author');
  await toolbar(page).getByRole('button', { name: 'Add column' }).click();
  const colName = page.getByRole('textbox', { name: 'Column name' }).last();
  await colName.fill('name');
  await colName.press('Enter');
  await expect(table(page, 'Author').getByRole('listitem', { name: /^name String/ })).toBeVisible();

  await addTable(page, 'Book');
  await addTable(page, 'Genre');
  // New tables go where they cover no other.
  const boxes = await Promise.all(['Author', 'Book', 'Genre'].map(async (n) => (await table(page, n).boundingBox())!));
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
  }
  await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Layout done');

  // 1:n — many books to one author.
  await connect(page, 'Book', 'Author');
  await page.getByRole('button', { name: 'Create relation' }).click();
  await expect(table(page, 'Book').getByRole('listitem', { name: /^authorId Int FK/ })).toBeVisible();

  // m:n — books and genres.
  await connect(page, 'Book', 'Genre');
  await page.getByRole('radio', { name: /Many to many \(implicit/ }).check();
  await page.getByRole('button', { name: 'Create relation' }).click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Export Prisma: Prisma's own validator accepts it.
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('prisma');
  const preview = dialog.getByLabel('Export preview');
  await expect(preview).toContainText('model Book');
  const prisma = (await preview.textContent())!;
  expect(prisma).toMatch(/genres\s+Genre\[\]/);
  const problems = (await validatePrisma([{ path: 'schema.prisma', text: prisma }])).filter((d) => d.severity === 'error');
  expect(problems).toEqual([]);

  // Export SQL: it applies in a real PostgreSQL (PGlite).
  await dialog.getByLabel('Format').selectOption('postgres');
  await expect(preview).toContainText('CREATE TABLE');
  const ddl = (await preview.textContent())!;
  const pg = new PGlite();
  await pg.exec(ddl);
  const tables = await pg.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' order by 1`);
  expect(tables.rows.map((r) => r.table_name)).toEqual(['Author', 'Book', 'Genre', '_BookToGenre']);
  await pg.close();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Reload: the document is restored from the browser's storage.
  await page.waitForTimeout(800);
  await page.reload();
  for (const name of ['Author', 'Book', 'Genre']) await expect(table(page, name)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(table(page, 'User')).toHaveCount(0);

  // Undo and redo, by shortcut and by button.
  await addTable(page, 'Publisher');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z'); // undo the rename
  await expect(table(page, 'Table1')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Undo' }).click(); // undo the add
  await expect(page.locator('.react-flow__node-table')).toHaveCount(3);
  await toolbar(page).getByRole('button', { name: 'Redo' }).click();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(table(page, 'Publisher')).toBeVisible();

  // Laid out, a table added, laid out again: every layout of a session lands (the worker once
  // answered only its first).
  const status = page.getByRole('status');
  await expect(status).not.toHaveText('Layout done');
  await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
  await expect(status).toHaveText('Layout done');
  await addTable(page, 'Imprint');
  await expect(status).not.toHaveText('Layout done');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  await expect(status).toHaveText('Layout done');
});

test('the help overlay lists shortcuts, search focuses a table, and dark mode toggles', async ({ page }) => {
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Undo Ctrl\+Z/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /Search Ctrl\+K/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('ControlOrMeta+k');
  const search = page.getByRole('combobox', { name: 'Search tables and columns' });
  await search.fill('bio');
  await expect(page.getByRole('option', { name: /Profile\.bio/ })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Table name', exact: true })).toHaveValue('Profile');
  // A column found: its name field in the inspector has the focus.
  await expect(page.getByRole('listitem', { name: 'Column bio' }).getByRole('textbox', { name: 'Column name' })).toBeFocused();

  await toolbar(page).getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('collapse to keys, duplicate, and delete with confirmation', async ({ page }) => {
  await page.goto('/');
  const post = table(page, 'Post');
  await expect(post).toBeVisible();
  await post.getByRole('heading', { name: 'Post' }).click();
  await page.keyboard.press('Shift+C');
  await expect(post.getByRole('listitem')).toHaveCount(2); // id (PK) and authorId (FK)
  await page.keyboard.press('Shift+C');
  await expect(post.getByRole('listitem')).toHaveCount(6);

  await page.keyboard.press('ControlOrMeta+d');
  await expect(table(page, 'PostCopy')).toBeVisible();

  await post.getByRole('heading', { name: 'Post' }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete tables?' });
  await expect(confirm).toContainText('also drops');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(post).toBeVisible();

  // A box selection (Shift-drag) selects the tables' edges too: the confirmation still tells the relations that go.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const [a, b] = [(await table(page, 'User').boundingBox())!, (await post.boundingBox())!];
  await page.keyboard.down('Shift');
  await page.mouse.move(Math.min(a.x, b.x) - 15, Math.min(a.y, b.y) - 15);
  await page.mouse.down();
  await page.mouse.move(Math.max(a.x + a.width, b.x + b.width) + 15, Math.max(a.y + a.height, b.y + b.height) + 15, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node-table.selected')).not.toHaveCount(0);
  await page.keyboard.press('Delete');
  await expect(confirm).toContainText(/also drops \d+ relations?/);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(post).toBeVisible();
  await expect(table(page, 'User')).toBeVisible();

  // A column other tables' foreign keys reference: deleting it asks first too.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await table(page, 'User').getByRole('heading', { name: 'User' }).click();
  await page.getByRole('button', { name: 'Delete column id' }).click();
  const columnConfirm = page.getByRole('dialog', { name: 'Delete column?' });
  await expect(columnConfirm).toContainText(/Deleting id also drops \d+ relations/);
  await columnConfirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(table(page, 'User').getByRole('listitem', { name: /^id Int/ })).toBeVisible();
});
