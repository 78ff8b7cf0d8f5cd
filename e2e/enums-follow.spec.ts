import { expect, test } from '@playwright/test';
import { importPasted, table } from './helpers';

const SQL = `CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE person (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'happy', CHECK (m <> 'sad'));`;

test('an enum value renamed in the enums panel follows into the SQL kept; one in use cannot be removed', async ({ page }) => {
  test.setTimeout(90_000);
  await importPasted(page, SQL);
  await expect(table(page, 'person')).toBeVisible();

  // Renamed: the check reads the new label, as after ALTER TYPE ... RENAME VALUE.
  await page.getByRole('tab', { name: 'Enums' }).click();
  const mood = page.getByRole('listitem', { name: 'Enum mood' });
  const sad = mood.getByRole('textbox', { name: 'Enum value' }).nth(1);
  await expect(sad).toHaveValue('sad');
  await sad.fill('blue');
  await sad.press('Enter');
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'SQL' }).click();
  const ddl = page.getByRole('textbox', { name: 'SQL DDL' });
  await expect(ddl).toContainText(`AS ENUM ('happy', 'blue')`);
  await expect(ddl).toContainText(`<> 'blue'::`);
  await expect(ddl).not.toContainText(`'sad'`);

  // Removing the default's value is refused, and the editor says why.
  await page.getByRole('tab', { name: 'Enums' }).click();
  await mood.getByRole('button', { name: 'Remove happy' }).click();
  await expect(page.getByRole('status')).toHaveText('happy is used by the default of person.m: change that first');
  await expect(page.getByRole('status')).toBeInViewport();
  await expect(mood.getByRole('textbox', { name: 'Enum value' })).toHaveCount(2);
});
