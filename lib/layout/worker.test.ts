import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../schema';
import { layoutGraph } from './graph';

/** The worker's global scope, as far as the layout worker and ELK's bundle use it. */
interface FakeScope {
  onmessage: ((e: { data: unknown }) => unknown) | null;
  postMessage(data: unknown): void;
}

const graph = () => layoutGraph(parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8')));

describe('layout worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('answers every request, not only the first (making ELK in a worker takes self.onmessage)', async () => {
    const replies: { id: number; positions?: Record<string, unknown>; error?: string }[] = [];
    const scope: FakeScope = { onmessage: null, postMessage: (data) => replies.push(data as (typeof replies)[number]) };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    await import('./worker');
    const g = graph();
    for (const id of [1, 2, 3]) {
      // What the browser does with a message: calls whatever handler self.onmessage holds now.
      await scope.onmessage!({ data: { id, graph: g } });
      await vi.waitFor(() => expect(replies.map((r) => r.id)).toContain(id), { timeout: 10_000 });
    }
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3]);
    for (const r of replies) {
      expect(r.error).toBeUndefined();
      expect(Object.keys(r.positions!).sort()).toEqual(g.nodes.map((n) => n.id).sort());
    }
  });
});
