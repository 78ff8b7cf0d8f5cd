/**
 * PostgreSQL's parser in the browser (the page or a worker): its WASM comes from the app's vendor
 * route. The import worker uses it for the preview; the page, so that views follow edits of their
 * tables (follow-views).
 */
import { loadPgQuery } from './pg-query';

export const loadPgQueryBrowser = (): Promise<void> =>
  loadPgQuery(async () => {
    const r = await fetch('/vendor/pg-query/libpg-query.wasm');
    if (!r.ok) throw new Error(`could not load libpg-query.wasm (${r.status})`);
    return r.arrayBuffer();
  });
