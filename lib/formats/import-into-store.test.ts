import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../schema/serialize';
import { createSchemaStore } from '../store/store';
import { setLayout } from '../store/commands';
import { DiagnosticError } from '../schema/diagnostics';
import { overrideReader } from './registry';
import { CHECKING_LABEL, importIntoStore, NOTHING_TO_IMPORT } from './import-into-store';
import { importSourceFiles } from './import';
import type { ImportResult } from './types';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));
const files = [{ path: 'x.sql', text: 'CREATE TABLE t (id int);' }];
const names = (d: { tables: Record<string, { name: string }> }) => Object.values(d.tables).map((t) => t.name).sort();

let restore = () => {};
afterEach(() => restore());

/** A reader that shows `preview`, waits for `gate`, then gives `real` (or fails). */
function fakeReader(preview: ImportResult, real: ImportResult | Error, gate: Promise<void> = Promise.resolve()) {
  restore = overrideReader('postgres', async (_files, opts) => {
    opts.onPreview?.(preview);
    await gate;
    if (real instanceof Error) throw real;
    return real;
  });
}

describe('importIntoStore', () => {
  it('shows the preview read-only, then settles to the real document with the preview ids, as one undo step', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    const preview = { ...sample(), name: 'preview' };
    // The real document has its own ids (as a fresh import would).
    const real = { ...JSON.parse(JSON.stringify(sample()).replace(/\b(tbl|col|rel)_/g, '$1_new')), name: 'real' };
    expect(Object.keys(real.tables)).not.toEqual(Object.keys(preview.tables));
    let open!: () => void;
    fakeReader({ document: preview, diagnostics: [] }, { document: real, diagnostics: [{ severity: 'warning', message: 'skipped' }] }, new Promise((r) => (open = r)));
    const shown: string[] = [];
    const done = importIntoStore(store, files, { onShown: (d) => shown.push(d.name) });
    await Promise.resolve();
    expect(store.getState().provisional).toBe(CHECKING_LABEL);
    expect(names(store.getState().document)).toEqual(names(preview));
    open();
    const result = await done;
    expect(store.getState().provisional).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    // The real document, mapped onto the preview's ids.
    expect(store.getState().document).toBe(result.document);
    expect(Object.keys(result.document!.tables).sort()).toEqual(Object.keys(preview.tables).sort());
    expect(names(result.document!)).toEqual(names(real));
    expect(shown).toEqual(['preview']);
    store.getState().undo();
    expect(store.getState().document).toBe(original);
  });

  it('takes a result the reader already reconciled with its preview as it is', async () => {
    const store = createSchemaStore(sample());
    const preview = { ...sample(), name: 'preview' };
    // Names that reconcile would map differently: a reconciled result must not be reconciled again.
    const real = { ...JSON.parse(JSON.stringify(sample()).replace(/\b(tbl|col|rel)_/g, '$1_new')), name: 'real' };
    fakeReader({ document: preview, diagnostics: [] }, { document: real, diagnostics: [], fromPreview: true });
    const result = await importIntoStore(store, files);
    expect(result.document).toBe(real);
    expect(store.getState().document).toBe(real);
  });

  it('takes the preview back when the import fails', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    fakeReader({ document: { ...sample(), name: 'preview' }, diagnostics: [] }, new DiagnosticError([{ severity: 'error', message: 'boom' }]));
    await expect(importIntoStore(store, files)).rejects.toThrow('boom');
    expect(store.getState().document).toBe(original);
    expect(store.getState().provisional).toBeUndefined();
  });

  it('leaves a document opened meanwhile alone', async () => {
    const store = createSchemaStore(sample());
    let open!: () => void;
    fakeReader({ document: { ...sample(), name: 'preview' }, diagnostics: [] }, { document: { ...sample(), name: 'real' }, diagnostics: [] }, new Promise((r) => (open = r)));
    const done = importIntoStore(store, files);
    await Promise.resolve();
    const other = { ...sample(), name: 'other' };
    store.getState().load(other);
    open();
    expect((await done).document).toBeUndefined();
    expect(store.getState().document).toBe(other);
  });

  it('cancelled: takes the preview back at once, with the history it replaced, and never loads the result', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    let open!: () => void;
    fakeReader({ document: { ...sample(), name: 'preview' }, diagnostics: [] }, { document: { ...sample(), name: 'real' }, diagnostics: [] }, new Promise((r) => (open = r)));
    const ctrl = new AbortController();
    const done = importIntoStore(store, files, { signal: ctrl.signal });
    await Promise.resolve();
    expect(store.getState().document.name).toBe('preview');
    ctrl.abort();
    expect(store.getState().document).toBe(original);
    expect(store.getState().provisional).toBeUndefined();
    open();
    expect((await done).document).toBeUndefined();
    expect(store.getState().document).toBe(original);
    expect(store.getState().past).toEqual([]);
  });

  it('cancelled without a preview: the result is not loaded', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    restore = overrideReader('postgres', async () => ({ document: { ...sample(), name: 'real' }, diagnostics: [] }));
    const ctrl = new AbortController();
    const done = importIntoStore(store, files, { signal: ctrl.signal });
    ctrl.abort();
    expect((await done).document).toBeUndefined();
    expect(store.getState().document).toBe(original);
  });

  it('passes its merge key to the load, so the layout that follows joins the import\'s undo step', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    fakeReader({ document: { ...sample(), name: 'preview' }, diagnostics: [] }, { document: { ...sample(), name: 'real' }, diagnostics: [] });
    const { document } = await importIntoStore(store, files, { mergeKey: 'import:7' });
    expect(store.getState().lastMergeKey).toBe('import:7');
    store.getState().dispatch(setLayout({ ...document!.layout.nodes }, 'import:7'));
    store.getState().dispatch(setLayout({}, 'import:7'));
    expect(store.getState().past).toEqual([original]);
  });

  it('ignores a byte-order mark at the start of a file', async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8');
    const { document } = await importSourceFiles([{ path: 'bom.schemata.json', text: '\ufeff' + text }]);
    expect(names(document)).toEqual(names(sample()));
  });

  it('cancelled: stops waiting at once, even if the reader never finishes (imports queued behind it go on)', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    fakeReader({ document: { ...sample(), name: 'preview' }, diagnostics: [] }, { document: sample(), diagnostics: [] }, new Promise(() => {}));
    const ctrl = new AbortController();
    const done = importIntoStore(store, files, { signal: ctrl.signal });
    await Promise.resolve();
    ctrl.abort();
    expect(await done).toEqual({ diagnostics: [] });
    expect(store.getState().document).toBe(original);
  });

  it('leaves the document as it was when the text holds no schema, and says so', async () => {
    const original = sample();
    const store = createSchemaStore(original);
    const empty = { ...sample(), tables: {}, relations: {}, enums: {}, views: {}, raw: {}, namespaces: {} };
    fakeReader({ document: empty, diagnostics: [] }, { document: empty, diagnostics: [{ severity: 'error', message: 'this looks like MySQL DDL' }] });
    const result = await importIntoStore(store, files);
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code ?? d.message)).toEqual(['this looks like MySQL DDL', NOTHING_TO_IMPORT.code]);
    expect(store.getState().document).toBe(original);
    expect(store.getState().provisional).toBeUndefined();
    expect(store.getState().past).toEqual([]);
  });

  it('PostgreSQL reads nothing in garbage or data alone: the document stays', { timeout: 120_000 }, async () => {
    for (const text of ['hello world ;;; }{', 'INSERT INTO foo VALUES (1); SELECT 1;', '-- only a comment']) {
      const original = sample();
      const store = createSchemaStore(original);
      const result = await importIntoStore(store, [{ path: 'pasted.sql', text }], { format: 'postgres' });
      expect(result.diagnostics.at(-1)).toEqual(NOTHING_TO_IMPORT);
      expect(store.getState().document).toBe(original);
    }
  });

  it('loads a Prisma file with no models yet, as prisma init writes it', async () => {
    const store = createSchemaStore(sample());
    const result = await importIntoStore(store, [{ path: 'schema.prisma', text: 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "mysql"\n}\n' }]);
    expect(result.document).toBeDefined();
    expect(store.getState().document.settings.provider).toBe('mysql');
  });

  it('loads a saved document even when it is empty', async () => {
    const store = createSchemaStore(sample());
    const empty = JSON.stringify({ ...sample(), tables: {}, relations: {}, enums: {}, views: {}, raw: {}, namespaces: {}, layout: { ...sample().layout, nodes: {} } });
    const result = await importIntoStore(store, [{ path: 'empty.schemata.json', text: empty }]);
    expect(result.document).toBeDefined();
    expect(Object.keys(store.getState().document.tables)).toEqual([]);
  });
});
