import { expect, test } from '@playwright/test';
import { table, toolbar } from './helpers';

/**
 * A SQL import shows PostgreSQL's parser preview at once, read-only, while PGlite runs the script;
 * then the catalog's document replaces it, and ELK lays it out. A table PostgreSQL refuses (here: a PostGIS type, in a
 * script that does not create PostGIS) is in the preview only, and the messages say why it went.
 */
const tables = Array.from({ length: 210 }, (_, i) =>
  `CREATE TABLE item_${i} (id serial PRIMARY KEY, name text NOT NULL${i ? `, parent_id int REFERENCES item_${i >> 1}(id)` : ''});`,
);
const DDL = `${tables.join('\n')}\nCREATE TABLE ghost (id int PRIMARY KEY, area geometry(Polygon, 4326));\n`;

test('SQL import: parser preview first, then PostgreSQL decides', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await page.waitForFunction('window.__schemataSqlWarm === true', null, { timeout: 60_000 });
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Schema file').setInputFiles({ name: 'items.sql', mimeType: 'text/plain', buffer: Buffer.from(DDL) });

  const checking = page.getByRole('status').filter({ hasText: 'Checking with PostgreSQL' });
  await expect(checking).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('211 tables');
  // The preview is read-only: undo waits for the real document.
  await expect(toolbar(page).getByRole('button', { name: 'Undo' })).toBeDisabled();

  await expect(checking).toBeHidden({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('210 tables');
  await expect(page.getByRole('list', { name: 'Import messages' })).toContainText('geometry');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Close' }).click();
  await expect(table(page, 'item_0')).toBeVisible();
  await expect(table(page, 'ghost')).toHaveCount(0);
  // ELK's layout of the import lands (past 200 tables too) as part of its undo step, so one undo takes the whole import back.
  await expect(page.getByRole('status').filter({ hasText: 'Layout done' })).toBeAttached({ timeout: 30_000 });
  // No table covers another, at the zoom the whole schema is seen at.
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1));
  expect(overlapping).toEqual([]);
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(table(page, 'User')).toBeVisible();
  await expect(table(page, 'item_0')).toHaveCount(0);
  await expect(toolbar(page).getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(toolbar(page).getByRole('button', { name: 'Redo' })).toBeEnabled();
});
