import { expect, type Locator, type Page } from '@playwright/test';

export const table = (page: Page, name: string) => page.getByRole('region', { name: `Table ${name}`, exact: true });
export const toolbar = (page: Page) => page.getByRole('navigation', { name: 'Editor actions' });

/** The React Flow handle of a table header (`table` = target on the left, `table:s` = source on the right). */
export function tableHandle(page: Page, name: string, kind: 'source' | 'target'): Locator {
  return page.locator('.react-flow__node', { has: table(page, name) }).locator(`.react-flow__handle[data-handleid="${kind === 'source' ? 'table:s' : 'table'}"]`);
}

/** Drags a connection from one table's header to another's, as a user would. */
export async function connect(page: Page, from: string, to: string) {
  const a = await stableBox(tableHandle(page, from, 'source'));
  const b = await stableBox(tableHandle(page, to, 'target'));
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 5, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('dialog', { name: 'New relation' })).toBeVisible();
}

/** Adds a table through the toolbar and renames it in the inspector. */
export async function addTable(page: Page, name: string) {
  await toolbar(page).getByRole('button', { name: 'Add table' }).click();
  const input = page.getByRole('textbox', { name: 'Table name', exact: true });
  await input.fill(name);
  await input.press('Enter');
  await expect(table(page, name)).toBeVisible();
}

/** Renames a table in the inspector (Enter commits), and waits for the canvas to show it; gives the name field. */
export async function renameInInspector(page: Page, from: string, to: string): Promise<Locator> {
  await table(page, from).getByRole('heading', { name: from }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const name = page.getByRole('textbox', { name: 'Table name', exact: true });
  await name.fill(to);
  await name.press('Enter');
  await expect(table(page, to)).toBeVisible();
  return name;
}

export async function clearCanvas(page: Page) {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete tables?' });
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.react-flow__node-table')).toHaveCount(0);
}

/** A locator's box once it has stopped moving (layout and viewport animations done). */
export async function stableBox(loc: Locator) {
  let prev = await loc.boundingBox();
  for (let i = 0; i < 40; i++) {
    await loc.page().waitForTimeout(100);
    const next = await loc.boundingBox();
    if (prev && next && Math.abs(prev.x - next.x) < 0.5 && Math.abs(prev.y - next.y) < 0.5) return next;
    prev = next;
  }
  throw new Error('element kept moving');
}

/** Opens the editor and pastes `text` into the import dialog, importing it; gives the dialog (it may stay open to show messages). */
export async function pasteImport(page: Page, text: string): Promise<Locator> {
  await page.goto('/');
  await expect(table(page, 'User')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Or paste Prisma, SQL or a Schemata document').fill(text);
  await dialog.getByRole('button', { name: 'Import pasted text' }).click();
  return dialog;
}

/** pasteImport, waiting until the dialog has closed. */
export async function importPasted(page: Page, text: string) {
  await expect(await pasteImport(page, text)).toBeHidden({ timeout: 60_000 });
}
