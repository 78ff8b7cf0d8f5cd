import { expect, test } from '@playwright/test';
import { addTable, importPasted, pasteImport, table, toolbar } from './helpers';

/**
 * PostgreSQL import runs PGlite inside a Web Worker. Under Turbopack a worker can fail to fetch
 * pglite.data (PGlite issue 792); this proves the production build boots it and imports.
 */
const DDL = `-- a small dump
SET statement_timeout = 0;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE author (
  id serial PRIMARY KEY,
  name varchar(80) NOT NULL,
  mood mood DEFAULT 'happy'
);
CREATE TABLE book (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL CHECK (length(title) > 0),
  author_id integer NOT NULL REFERENCES author(id) ON DELETE CASCADE
);
CREATE INDEX book_title_idx ON book (lower(title));
GRANT SELECT ON book TO reporting;
\\connect other
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE VIEW author_books AS SELECT a.name, count(b.id) AS books FROM author a LEFT JOIN book b ON b.author_id = a.id GROUP BY a.name;
`;

test('a PostgreSQL dump imports through the UI in a worker, listing what was skipped', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Schema file').setInputFiles({ name: 'library.sql', mimeType: 'text/plain', buffer: Buffer.from(DDL) });
  await expect(table(page, 'author')).toBeVisible({ timeout: 60_000 });
  await expect(table(page, 'book')).toBeVisible();
  await expect(table(page, 'book').getByRole('listitem', { name: /^author_id Int FK/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Enum mood' })).toBeVisible();
  // The tables above may be the parser's preview: the messages come once PostgreSQL has run the script
  // (the worker boots PGlite first, which takes seconds on a loaded machine).
  await expect(page.getByRole('status').filter({ hasText: 'Checking with PostgreSQL' })).toBeHidden({ timeout: 60_000 });
  const messages = page.getByRole('list', { name: 'Import messages' });
  // Each skipped statement with its line: GRANT is on line 15, \connect on line 16.
  await expect(messages.getByRole('listitem').filter({ hasText: 'GRANT' })).toContainText(/library\.sql:15:\d+/);
  await expect(messages.getByRole('listitem').filter({ hasText: 'connect' })).toContainText(/library\.sql:16:\d+/);
  // A view is on the canvas with the columns PostgreSQL gives it.
  const view = page.getByRole('region', { name: 'View author_books' });
  await expect(view).toBeVisible();
  await expect(view.getByRole('list', { name: 'Columns of author_books' }).getByRole('listitem')).toHaveText([/^name\s*String\? @db\.VarChar\(80\)$/, /^books\s*BigInt\?$/]);
  // Nothing lost: the function comes back on export.
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Close' }).click();
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('postgres');
  await expect(dialog.getByLabel('Export preview')).toContainText('CREATE FUNCTION');
  await expect(dialog.getByLabel('Export preview')).toContainText('CREATE VIEW');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // An edit of the Prisma text keeps what Prisma cannot express (the check, the function, the view's query).
  await page.getByRole('tab', { name: 'Code' }).click();
  const editor = page.getByRole('textbox', { name: 'Prisma schema' });
  await expect(editor).toContainText('model book {');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nmodel shelf {\n  id Int @id\n\n  @@schema("public")\n}\n');
  await expect(page.locator('h1')).toContainText('3 tables');
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText('CREATE TABLE "public"."shelf"');
  await expect(ddl).toContainText(/CHECK \(+length\(title\) > 0\)/);
  await expect(ddl).toContainText('CREATE FUNCTION');
  await expect(ddl).toContainText('CREATE VIEW "public"."author_books" AS');
  // A view is deleted like a table: selected, then Delete.
  await view.getByRole('heading', { name: 'author_books' }).click();
  await page.keyboard.press('Delete');
  await expect(view).toBeHidden();
  // A table deleted takes the SQL kept on it (its expression index), and the confirmation says so.
  await table(page, 'book').getByRole('heading', { name: 'book' }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete tables?' });
  await expect(confirm).toContainText('also drops 1 relation and 1 SQL statement on it');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(table(page, 'book')).toHaveCount(0);
  await expect(ddl).toContainText('CREATE TABLE "public"."author"');
  await expect(ddl).not.toContainText('book_title_idx');
});

test('pasted SQL typed by keyboard keeps the focus; a drop on the canvas lists what it skipped', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const paste = dialog.getByLabel('Or paste Prisma, SQL or a Schemata document');
  await paste.click();
  // Key by key, as a user types: every keystroke re-renders the dialog, and focus must stay put.
  await paste.pressSequentially('CREATE TABLE typed (id int PRIMARY KEY);');
  await expect(paste).toBeFocused();
  await expect(paste).toHaveValue('CREATE TABLE typed (id int PRIMARY KEY);');
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(table(page, 'typed')).toBeVisible({ timeout: 60_000 });
  // The table may be the parser's preview: the dialog closes once PostgreSQL has checked the script.
  await expect(dialog).toBeHidden({ timeout: 60_000 });

  // A file dropped on the canvas: the statements it skipped open in the import dialog.
  const transfer = await page.evaluateHandle((sql) => {
    const dt = new DataTransfer();
    dt.items.add(new File([sql], 'dropped.sql', { type: 'text/plain' }));
    return dt;
  }, 'CREATE TABLE dropped (id int PRIMARY KEY);\nGRANT SELECT ON dropped TO reporting;\n');
  await page.getByRole('main', { name: 'Schema canvas' }).dispatchEvent('drop', { dataTransfer: transfer });
  await expect(table(page, 'dropped')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('list', { name: 'Import messages' })).toContainText(/dropped\.sql:2:\d+.*GRANT/);
});

test('closing the import dialog while PostgreSQL checks leaves the import running; its messages open the dialog again', async ({ page }) => {
  const dialog = await pasteImport(page, 'CREATE TABLE kept_on (id int PRIMARY KEY, note text);\nGRANT SELECT ON kept_on TO PUBLIC;\n');
  // The preview is on the canvas at once, read-only; the dialog is closed before the check is done.
  await expect(table(page, 'kept_on')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-import-state="checking"]')).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: 'Add table' })).toBeDisabled();
  await page.keyboard.press('t');
  await expect(page.getByText('Read-only until PostgreSQL has checked the import')).toBeAttached();
  await expect(dialog).toBeHidden();
  await expect(dialog.getByRole('list', { name: 'Import messages' })).toContainText('GRANT', { timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: 'Import pasted text' })).toBeVisible();
  await expect(table(page, 'kept_on')).toBeVisible();
  await expect(table(page, 'User')).toHaveCount(0);
  await expect(toolbar(page).getByRole('button', { name: 'Add table' })).toBeEnabled();

});

test('an import cancelled leaves the document as it was; keys still reach the dialog', async ({ page }) => {
  const dialog = await pasteImport(page, 'CREATE TABLE dropped_again (id int PRIMARY KEY);\nGRANT SELECT ON dropped_again TO PUBLIC;\n');
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel import' })).toHaveCount(0);
  await expect(table(page, 'User')).toBeVisible();
  await expect(table(page, 'dropped_again')).toHaveCount(0);
  // The button that had the focus is gone: Escape still closes the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('text with no schema in it imports nothing: the open document stays, and the dialog says why', async ({ page }) => {
  const dialog = await pasteImport(page, 'CREATE TABLE `t` (`id` int AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n');
  await expect(dialog.getByText('Nothing imported.')).toBeVisible({ timeout: 60_000 });
  const messages = dialog.getByRole('list', { name: 'Import messages' });
  await expect(messages).toContainText('MySQL');
  await expect(messages).toContainText('Nothing to import');
  await expect(table(page, 'User')).toBeVisible();
  await expect(page.getByText('pasted', { exact: false }).filter({ hasText: '0 tables' })).toHaveCount(0);
});

test('a Supabase schema imports whole in the worker: what Supabase provides is made for the run, not kept', async ({ page }) => {
  test.setTimeout(90_000);
  const sql = `create table profiles (id uuid references auth.users on delete cascade not null primary key, username text);
alter table profiles enable row level security;
create policy "Own profile" on profiles for update to authenticated using ((select auth.uid()) = id);
create policy "Avatars" on storage.objects for insert to authenticated with check (bucket_id = 'avatars');
create function public.handle_new_user() returns trigger language plpgsql security definer as $$ begin insert into public.profiles (id) values (new.id); return new; end $$;
create trigger on_auth_user_created after insert on auth.users for each row execute procedure public.handle_new_user();`;
  const dialog = await pasteImport(page, sql);
  await expect(table(page, 'profiles')).toBeVisible({ timeout: 60_000 });
  // Once PostgreSQL has run it, the dialog says which platform it assumed (and stays open to say it).
  const messages = dialog.getByRole('list', { name: 'Import messages' });
  await expect(messages).toContainText('written for Supabase', { timeout: 60_000 });
  await expect(messages).not.toContainText('skipped');
  await expect(table(page, 'users')).toHaveCount(0);
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Close' }).click();
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const exported = page.getByRole('dialog', { name: 'Export' });
  await exported.getByLabel('Format').selectOption('postgres');
  const preview = exported.getByLabel('Export preview');
  await expect(preview).toContainText('REFERENCES auth.users(id) ON DELETE CASCADE');
  await expect(preview).toContainText('on storage.objects for insert to authenticated');
  await expect(preview).toContainText('after insert on auth.users');
});

test('a Prisma view is on the canvas with its fields', async ({ page }) => {
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Or paste Prisma, SQL or a Schemata document').fill(`generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views"]
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Account {
  id   Int    @id
  name String
}

view AccountNames {
  id   Int    @unique
  // the account's name
  name String
}
`);
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  const view = page.getByRole('region', { name: 'View AccountNames' });
  await expect(view).toBeVisible();
  await expect(view.getByRole('listitem')).toHaveText([/^id\s*Int @unique$/, /^name\s*String$/]);
});

/**
 * PostGIS runs on its own PGlite build (lib/pglite/postgis.ts), fetched by the worker from the app's
 * vendor route only for a script that creates PostGIS. Before, such a table was refused.
 */
const GIS = `CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
CREATE TABLE zone (
  id serial PRIMARY KEY,
  name text NOT NULL,
  area public.geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX zone_area_idx ON zone USING gist (area);
`;

test('a script that creates PostGIS imports, geometry columns and GiST index kept', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Schema file').setInputFiles({ name: 'zones.sql', mimeType: 'text/plain', buffer: Buffer.from(GIS) });
  // The preview first; then PostgreSQL, once the worker has fetched and booted the PostGIS build.
  const checking = page.getByRole('banner').getByRole('status').filter({ hasText: 'Checking with PostgreSQL' });
  await expect(checking).toHaveCount(1);
  // Exported meanwhile, the preview is shown but not downloaded or copied: it lacks what only PostgreSQL gives.
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Close' }).click();
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const preview = exportDialog.getByLabel('Export preview');
  await exportDialog.getByLabel('Format').selectOption('postgres');
  await expect(preview).toContainText('CREATE TABLE');
  await expect(exportDialog).toContainText('PostgreSQL is still reading this import back');
  await expect(exportDialog.getByRole('button', { name: 'Download' })).toBeDisabled();
  await expect(exportDialog.getByRole('button', { name: 'Copy' })).toBeDisabled();
  await expect(checking).toHaveCount(0, { timeout: 100_000 });
  // The checked document replaces it in the open dialog.
  await expect(preview).toContainText('CREATE EXTENSION IF NOT EXISTS "postgis"');
  await expect(exportDialog.getByRole('button', { name: 'Download' })).toBeEnabled();
  await expect(exportDialog).not.toContainText('PostgreSQL is still reading this import back');
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1 tables');
  await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0);
  await expect(table(page, 'zone').getByRole('listitem', { name: 'area geometry(Polygon,4326)' })).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  await exportDialog.getByLabel('Format').selectOption('postgres');
  await expect(preview).toContainText('CREATE EXTENSION IF NOT EXISTS "postgis"');
  await expect(preview).toContainText('geometry(Polygon,4326)');
  await expect(preview).toContainText('USING gist');
});

test('in a document with several schemas, a table added goes to the default one and a table can be moved to another', async ({ page }) => {
  await importPasted(page, 'CREATE SCHEMA app;\nCREATE TABLE public.note (id int PRIMARY KEY);\nCREATE TABLE app.person (id int PRIMARY KEY);\n');
  await expect(table(page, 'note')).toBeVisible();
  await addTable(page, 'shelf');
  await table(page, 'note').getByRole('heading', { name: 'note' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('combobox', { name: 'Schema' }).selectOption({ label: 'app' });
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText('CREATE TABLE "app"."note"');
  await expect(ddl).toContainText('CREATE TABLE "public"."shelf"');
  // Prisma, once it has checked the document, finds it valid (a model without @@schema was an error).
  await page.getByRole('tab', { name: 'Diagnostics' }).click();
  await expect(page.getByText('Checking with Prisma')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('No problems found.')).toBeVisible();
});
