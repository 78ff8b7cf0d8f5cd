import { expect, test } from '@playwright/test';
import { renameInInspector, table, toolbar } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
});

test('the Prisma code panel follows the canvas, and edits to it update the canvas with error markers', async ({ page }) => {
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await expect(editor).toContainText('model Post {');

  // Canvas → text: rename a table in the inspector.
  await renameInInspector(page, 'Category', 'Topic');
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(editor).toContainText('model Topic {');

  // Text → canvas: add a model; the layout of the others stays.
  const before = await table(page, 'User').boundingBox();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nmodel Tag {\n  id    Int    @id\n  label String\n}\n');
  await expect(page.locator('h1')).toContainText('6 tables');
  expect(await table(page, 'User').boundingBox()).toEqual(before);
  await page.getByRole('button', { name: 'Fit view' }).first().click();
  await expect(table(page, 'Tag')).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');

  // A syntax error is marked and the canvas keeps the last valid schema.
  await page.keyboard.insertText('model Broken {\n  id Int @id\n');
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error').first()).toBeVisible();
  await expect(table(page, 'Tag')).toBeVisible();
  await expect(page.locator('h1')).toContainText('6 tables');

  // The SQL tab shows DDL for the chosen dialect.
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText('CREATE TYPE "Role" AS ENUM');
  await page.getByLabel('Dialect').selectOption('sqlite');
  await expect(ddl).toContainText('AUTOINCREMENT');
  await expect(ddl).not.toContainText('CREATE TYPE');
  await page.getByLabel('Dialect').selectOption('mysql');
  await expect(ddl).toContainText('CREATE TABLE `User`');

  // Another panel and back: the SQL tab, in the dialect chosen, follows the edits made meanwhile.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await toolbar(page).getByRole('button', { name: 'Add table' }).click();
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByRole('tab', { name: 'SQL' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Dialect')).toHaveValue('mysql');
  await expect(ddl).toContainText('CREATE TABLE `Table1`');
});

test('a Prisma edit that Prisma refuses (a model renamed before the fields that name it) is marked, and the canvas keeps the model', async ({ page }) => {
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await editor.locator('.cm-line', { hasText: /^model User \{/ }).click({ position: { x: 2, y: 5 } });
  for (let i = 0; i < 'model User'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('s');
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error').first()).toBeVisible();
  await expect(editor).toContainText('model Users {');
  await expect(table(page, 'User')).toBeVisible();
  await expect(table(page, 'Users')).toHaveCount(0);
});

test('typing in the Prisma text applies as it goes, with the cursor kept and the many-to-many relation once', async ({ page }) => {
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await editor.locator('.cm-line', { hasText: /^model User \{/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('\n  nick String?');
  await expect(table(page, 'User')).toContainText('nick');
  await page.keyboard.insertText(' @unique');
  await expect(editor.locator('.cm-line', { hasText: /^\s+nick String\? @unique$/ })).toHaveCount(1);
  await expect(editor.locator('.cm-line', { hasText: /^\s+categories\s+Category\[\]/ })).toHaveCount(1);
  await expect(editor.locator('.cm-line', { hasText: /^\s+posts\s+Post\[\]/ })).toHaveCount(2);
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error')).toHaveCount(0);
});

test('a note just added takes what is typed (not the shortcuts); Enter in a name field keeps the focus', async ({ page }) => {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await page.keyboard.type('hello tcn');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(page.getByRole('note', { name: 'Note: hello tcn' })).toBeVisible();
  await expect(page.locator('h1')).toContainText('5 tables');

  await expect(await renameInInspector(page, 'Category', 'Topic')).toBeFocused();
});

test('diagnostics list problems and focus the table when clicked', async ({ page }) => {
  await table(page, 'Post').getByRole('heading', { name: 'Post' }).click();
  // Make Post.authorId a String: it no longer matches User.id.
  const row = page.getByRole('listitem', { name: 'Column authorId' });
  await row.getByRole('combobox', { name: 'Column type' }).selectOption('scalar:String');
  await page.getByRole('tab', { name: 'Diagnostics' }).click();
  const problem = page.getByRole('button', { name: /Post\.authorId .* references User\.id .*types differ/ });
  await expect(problem).toBeVisible();
  // Prisma finds it too once its check is done; the list names it once.
  await expect(page.getByText('Checking with Prisma')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText(/is not matching the type/)).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await problem.click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Table name', exact: true })).toHaveValue('Post');
});

test('enums, notes, groups, multi-select copy and paste', async ({ page }) => {
  await page.getByRole('tab', { name: 'Enums' }).click();
  await page.getByRole('button', { name: 'Add enum' }).click();
  await expect(page.getByRole('region', { name: 'Enum Status' })).toBeVisible();
  await page.getByRole('button', { name: 'Add value' }).last().click();
  await expect(page.getByRole('region', { name: 'Enum Status' }).getByText('VALUE')).toBeVisible();

  await toolbar(page).getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('note')).toHaveCount(1);

  await table(page, 'User').getByRole('heading', { name: 'User' }).click();
  await table(page, 'Profile').getByRole('heading', { name: 'Profile' }).click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+g');
  await expect(page.getByLabel('Group Group 1').first()).toBeVisible();

  await page.keyboard.press('Escape');
  await table(page, 'User').getByRole('heading', { name: 'User' }).click();
  await table(page, 'Profile').getByRole('heading', { name: 'Profile' }).click({ modifiers: ['Shift'] });
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(table(page, 'UserCopy')).toBeVisible();
  await expect(table(page, 'ProfileCopy')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Relation ProfileCopy.userId → UserCopy.id' })).toHaveCount(1);
});

test('a length or default that does not fit the column is refused with the reason; the code panel goes on applying edits', async ({ page }) => {
  await table(page, 'User').getByRole('heading', { name: 'User' }).click();
  const email = page.getByRole('listitem', { name: 'Column email' });
  const length = email.getByRole('textbox', { name: 'Length' });
  await length.fill('5)');
  await length.press('Enter');
  await expect(page.getByRole('status')).toContainText('User.email: varchar takes a length as whole numbers');
  await length.fill('120');
  await length.press('Enter');

  await table(page, 'Post').getByRole('heading', { name: 'Post' }).click();
  const authorDefault = page.getByRole('listitem', { name: 'Column authorId' }).getByRole('textbox', { name: 'Default' });
  await authorDefault.fill('1) @unique');
  await authorDefault.press('Enter');
  await expect(page.getByRole('status')).toContainText('Post.authorId: default for an Int column: "1) @unique" is not a whole number');

  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await expect(editor).toContainText('@db.VarChar(120)');
  await expect(editor).not.toContainText('@unique)');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nmodel Tag {\n  id Int @id\n}\n');
  await expect(page.locator('h1')).toContainText('6 tables');
});

test('Prisma text typed and not applied yet is still there after another panel was shown', async ({ page }) => {
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await editor.locator('.cm-line', { hasText: /^model Category \{/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('\n  tags Tag[]');
  // Tag is no model: Prisma refuses the text so far, and it is marked.
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error').first()).toBeVisible();
  await page.getByRole('tab', { name: 'SQL' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'Prisma' }).click();
  await expect(editor).toContainText('tags Tag[]');
  await expect(page.locator('.cm-lintRange-error, .cm-lint-marker-error').first()).toBeVisible();
  // Finished, it applies.
  await page.keyboard.press('ControlOrMeta+End');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nmodel Tag {\n  id         Int        @id\n  categories Category[]\n}\n');
  await expect(page.locator('h1')).toContainText('6 tables');
});
