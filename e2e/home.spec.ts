import { expect, test } from '@playwright/test';

test.describe('the editor opens on the sample schema', () => {
  test('shows the sample tables with their columns and the foreign-key edges', async ({ page }) => {
    await page.goto('/');
    for (const name of ['User', 'Profile', 'Post', 'Category', 'Comment']) {
      await expect(page.getByRole('region', { name: `Table ${name}` })).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Enum Role' })).toBeVisible();

    const post = page.getByRole('region', { name: 'Table Post' });
    await expect(post.getByRole('listitem', { name: /^id Int PK/ })).toBeVisible();
    await expect(post.getByRole('listitem', { name: /^authorId Int FK/ })).toBeVisible();
    await expect(post.getByRole('listitem', { name: /^content String\? nullable/ })).toBeVisible();

    // One edge per relation, each joining the right columns.
    const edges = page.locator('.react-flow__edge');
    await expect(edges).toHaveCount(5);
    await expect(page.getByRole('group', { name: 'Relation Post.authorId → User.id' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'Relation Profile.userId → User.id' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: /Category ↔ Post/ })).toHaveCount(1);
    const edge = page.locator('.react-flow__edge[data-id="rel_2"]');
    await expect(edge).toHaveCount(1);
  });

  test('the canvas pans, zooms, fits and has a minimap', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Table User' })).toBeVisible();
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    await page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    await page.getByRole('button', { name: /fit view/i }).click();
    await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
    // Drag the background to pan.
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const t0 = await viewport.getAttribute('style');
    // Grab the empty strip along the top edge (fit view leaves padding there).
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(t0);
  });

  test('dragging a table moves it, and Undo puts it back', async ({ page }) => {
    await page.goto('/');
    const user = page.getByRole('region', { name: 'Table User' });
    await expect(user).toBeVisible();
    const header = user.getByRole('heading', { name: 'User' });
    const before = (await user.boundingBox())!;
    const hb = (await header.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x + 80, hb.y + 120, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await user.boundingBox())!.y).toBeGreaterThan(before.y + 50);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => Math.round((await user.boundingBox())!.y)).toBe(Math.round(before.y));
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(async () => (await user.boundingBox())!.y).toBeGreaterThan(before.y + 50);
  });
});
