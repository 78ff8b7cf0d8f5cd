import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../schema';
import { computeLayout, layoutGraph } from './elk';
import { generatedDocument } from '../schema/schema.bench';

const sample = () => parseDocument(readFileSync(path.resolve(import.meta.dirname, '../../prisma/blog.schemata.json'), 'utf8'));

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('auto layout', () => {
  it('places every table and enum without overlaps, parents before children', async () => {
    const doc = sample();
    const graph = layoutGraph(doc);
    const pos = await computeLayout(graph);
    expect(Object.keys(pos).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const boxes = graph.nodes.map((n) => ({ ...pos[n.id], width: n.width, height: n.height }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    const byName = (n: string) => pos[Object.values(doc.tables).find((t) => t.name === n)!.id];
    expect(byName('User').x).toBeLessThan(byName('Post').x); // User is referenced by Post
  });

  it('keeps manually placed tables where they are', async () => {
    const doc = sample();
    const user = Object.values(doc.tables).find((t) => t.name === 'User')!;
    doc.layout.nodes[user.id] = { x: 5000, y: -700 };
    const pos = await computeLayout(layoutGraph(doc, { keep: new Set([user.id]) }));
    expect(pos[user.id]).toEqual({ x: 5000, y: -700 });
    for (const [id, p] of Object.entries(pos)) if (id !== user.id) expect(p.y).toBeGreaterThan(-700 + 100);
  });

  it('lays out 300 tables', async () => {
    const doc = generatedDocument(300);
    const pos = await computeLayout(layoutGraph(doc));
    expect(Object.keys(pos)).toHaveLength(300);
  });
});

describe('quick layout', () => {
  it('places 1,000 tables without overlaps, referenced tables left of their children', async () => {
    const { quickLayout } = await import('./quick');
    const doc = generatedDocument(1000);
    const graph = layoutGraph(doc);
    const pos = quickLayout(graph);
    expect(Object.keys(pos)).toHaveLength(1000);
    const boxes = graph.nodes.map((n) => ({ ...pos[n.id], width: n.width, height: n.height }));
    const sorted = [...boxes].sort((a, b) => a.x - b.x);
    let overlapsFound = 0;
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) if (overlaps(sorted[i], sorted[j])) overlapsFound++;
    }
    expect(overlapsFound).toBe(0);
    const s = sample();
    const p = quickLayout(layoutGraph(s));
    const byName = (n: string) => p[Object.values(s.tables).find((t) => t.name === n)!.id];
    expect(byName('User').x).toBeLessThan(byName('Post').x);
  });
});
