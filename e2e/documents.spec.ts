import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { renameInInspector } from './helpers';

const table = (page: Page, name: string) => page.getByRole('region', { name: `Table ${name}`, exact: true });
const documentsButton = (page: Page) => page.getByRole('button', { name: 'Documents', exact: true });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Documents' });
const list = (page: Page) => dialog(page).getByRole('list', { name: 'Stored documents' });
const item = (page: Page, name: string) => list(page).getByRole('listitem', { name, exact: true });

async function openDocuments(page: Page) {
  await documentsButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(list(page)).toBeVisible();
}

async function start(page: Page) {
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  // The first start stores the sample document.
  await openDocuments(page);
  await expect(item(page, 'Blog')).toBeVisible();
}

test.describe('documents', () => {
  test('a document open in two tabs says so, until one opens another document', async ({ page, context }) => {
    await start(page);
    await page.keyboard.press('Escape');
    const other = await context.newPage();
    await other.goto('/');
    await expect(table(other, 'User')).toBeVisible();
    const notice = (p: Page) => p.getByText(/Also open in another tab/);
    await expect(notice(page)).toBeVisible();
    await expect(notice(other)).toBeVisible();
    await openDocuments(other);
    await dialog(other).getByRole('group', { name: 'New from template' }).getByRole('button', { name: 'E-commerce' }).click();
    await expect(table(other, 'Customer')).toBeVisible();
    await expect(notice(page)).toHaveCount(0);
    await expect(notice(other)).toHaveCount(0);
    await other.close();
  });

  test('an edit made just before a reload is kept', async ({ page }) => {
    await start(page);
    await page.keyboard.press('Escape');
    await renameInInspector(page, 'Category', 'Topic');
    // Well within the autosave's delay: the save is made as the page goes.
    await page.reload();
    await expect(table(page, 'Topic')).toBeVisible();
    await expect(table(page, 'Category')).toHaveCount(0);
  });

  test('a document made from a template is stored and restored after a reload', async ({ page }) => {
    await start(page);
    await dialog(page).getByRole('group', { name: 'New from template' }).getByRole('button', { name: 'E-commerce' }).click();
    await expect(dialog(page)).toBeHidden();
    for (const name of ['Customer', 'Product', 'Order', 'Review']) await expect(table(page, name)).toBeVisible();
    await expect(table(page, 'User')).toHaveCount(0);

    await page.reload();
    await expect(table(page, 'Customer')).toBeVisible();
    await expect(table(page, 'ProductVariant')).toBeVisible();
    await expect(table(page, 'User')).toHaveCount(0);

    await openDocuments(page);
    await expect(list(page).getByRole('listitem')).toHaveCount(2);
    await expect(item(page, 'E-commerce')).toHaveAttribute('aria-current', 'true');
    await expect(item(page, 'E-commerce')).toContainText('12 tables');
    await expect(item(page, 'Blog')).toContainText('5 tables');

    // Back to the blog, then the SaaS template.
    await dialog(page).getByRole('button', { name: 'Open Blog' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(table(page, 'User')).toBeVisible();
    await openDocuments(page);
    await dialog(page).getByRole('button', { name: 'Multi-tenant SaaS' }).click();
    await expect(table(page, 'Organization')).toBeVisible();
    await page.reload();
    await expect(table(page, 'Membership')).toBeVisible();
  });

  test('canvas edits are autosaved', async ({ page }) => {
    await page.goto('/');
    const user = table(page, 'User');
    const post = table(page, 'Post');
    await expect(user).toBeVisible();
    await openDocuments(page); // waits for the session to have started
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    const ub = (await user.boundingBox())!;
    const pb = (await post.boundingBox())!;
    expect(Math.abs(ub.y - pb.y)).toBeLessThan(10);
    const header = user.getByRole('heading', { name: 'User' });
    const hb = (await header.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + hb.width / 2, hb.y + 260, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await user.boundingBox())!.y - (await post.boundingBox())!.y).toBeGreaterThan(150);
    await page.waitForTimeout(800); // autosave debounce
    await page.reload();
    await expect(user).toBeVisible();
    await expect.poll(async () => (await user.boundingBox())!.y - (await post.boundingBox())!.y).toBeGreaterThan(60);
  });

  test('rename, duplicate, open, delete in the list; Escape closes', async ({ page }) => {
    await start(page);

    await dialog(page).getByRole('button', { name: 'Rename Blog' }).click();
    const input = dialog(page).getByRole('textbox', { name: 'New name for Blog' });
    await expect(input).toBeFocused();
    await input.fill('My blog');
    await input.press('Enter');
    await expect(item(page, 'My blog')).toBeVisible();
    await expect(item(page, 'Blog')).toHaveCount(0);

    // Escape leaves an inline rename without closing the dialog.
    await dialog(page).getByRole('button', { name: 'Rename My blog' }).click();
    await page.keyboard.press('Escape');
    await expect(dialog(page).getByRole('textbox', { name: 'New name for My blog' })).toHaveCount(0);
    await expect(dialog(page)).toBeVisible();

    await dialog(page).getByRole('button', { name: 'Duplicate My blog' }).click();
    await expect(item(page, 'My blog copy')).toBeVisible();
    await expect(list(page).getByRole('listitem')).toHaveCount(2);

    await dialog(page).getByRole('button', { name: 'New document' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page.locator('.react-flow__node-table')).toHaveCount(0);
    await openDocuments(page);
    await expect(item(page, 'Untitled schema')).toHaveAttribute('aria-current', 'true');
    await dialog(page).getByRole('button', { name: 'Open My blog copy' }).click();
    await expect(table(page, 'Comment')).toBeVisible();

    await openDocuments(page);
    await dialog(page).getByRole('button', { name: 'Delete Untitled schema' }).click();
    await dialog(page).getByRole('group', { name: 'Confirm deleting Untitled schema' }).getByRole('button', { name: 'Confirm delete' }).click();
    await expect(item(page, 'Untitled schema')).toHaveCount(0);
    // Deleting the open document switches to another stored one.
    await dialog(page).getByRole('button', { name: 'Delete My blog copy' }).click();
    await dialog(page).getByRole('button', { name: 'Confirm delete' }).click();
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(item(page, 'My blog')).toHaveAttribute('aria-current', 'true');

    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(documentsButton(page)).toBeFocused();
    await page.reload();
    await openDocuments(page);
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expect(item(page, 'My blog')).toBeVisible();
  });

  test('Save file downloads valid document JSON; Open file reads it back and reports bad files', async ({ page }) => {
    await start(page);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog(page).getByRole('button', { name: 'Save file' }).click()]);
    expect(download.suggestedFilename()).toBe('Blog.schemata.json');
    const text = await readFile((await download.path())!, 'utf8');
    const doc = JSON.parse(text);
    expect(doc.format).toBe('schemata');
    expect(Object.values(doc.tables as Record<string, { name: string }>).map((t) => t.name)).toEqual(['User', 'Profile', 'Post', 'Category', 'Comment']);

    const file = dialog(page).getByLabel('Document file');
    await file.setInputFiles({ name: 'broken.schemata.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "schemata",') });
    await expect(dialog(page).getByRole('alert')).toContainText('broken.schemata.json');
    await expect(dialog(page).getByRole('alert')).toContainText('invalid JSON');

    const renamed = text.replace('"name": "Blog"', '"name": "From file"');
    await file.setInputFiles({ name: 'blog.schemata.json', mimeType: 'application/json', buffer: Buffer.from(renamed) });
    await expect(dialog(page)).toBeHidden();
    await expect(table(page, 'Post')).toBeVisible();
    await openDocuments(page);
    await expect(item(page, 'From file')).toHaveAttribute('aria-current', 'true');
    await expect(item(page, 'Blog')).toBeVisible();
  });
});
