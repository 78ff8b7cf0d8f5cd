import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../schema';
import { computeLayout, layoutGraph, type LayoutGraph } from './elk';
import { generatedDocument } from '../schema/schema.bench';
import { hubGraph } from './sample-graphs';

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

  // Before compaction, ELK drew the hub schema as one column (width / height 0.15, 5% of it covered)
  // and the chain as one row (398:1).
  it('lays out 300 tables that reference a few hubs as a screen-shaped drawing, not a tall column', async () => {
    const graph = hubGraph(300);
    const pos = await computeLayout(graph);
    const { ratio, covered } = measure(graph, pos);
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(2.2);
    expect(covered).toBeGreaterThan(0.3);
    expectNoOverlaps(graph, pos);
    // Layers still run left to right: every referenced table is left of the tables that reference it.
    for (const e of graph.edges) expect(pos[e.source].x).toBeLessThan(pos[e.target].x);
  });

  it('wraps a chain of 300 references into bands', async () => {
    const graph = layoutGraph(generatedDocument(300));
    const pos = await computeLayout(graph);
    expect(Object.keys(pos)).toHaveLength(300);
    const { ratio } = measure(graph, pos);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(3);
    expectNoOverlaps(graph, pos);
  });

  // ELK takes about 11 s on this one (a dummy node per layer each hub reference crosses): it is laid
  // out by the linear layering instead.
  it('lays out a deep schema whose tables also reference hubs (300 in a chain) in good time and shape', async () => {
    const graph = hubGraph(300);
    for (let i = 9; i < 300; i++) graph.edges.push({ id: `chain${i}`, source: `t${i - 1}`, target: `t${i}` });
    const pos = await computeLayout(graph);
    const { ratio, covered } = measure(graph, pos);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(3);
    expect(covered).toBeGreaterThan(0.2);
    expectNoOverlaps(graph, pos);
  });

  it('packs tables without references into rows', async () => {
    const graph = { nodes: Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, width: 240, height: 120 })), edges: [] };
    const pos = await computeLayout(graph);
    const { ratio } = measure(graph, pos);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(2.6);
    expectNoOverlaps(graph, pos);
  });

  it('lays out top to bottom when asked', async () => {
    const graph = hubGraph(60);
    const pos = await computeLayout(graph, { direction: 'DOWN' });
    for (const e of graph.edges) expect(pos[e.source].y).toBeLessThan(pos[e.target].y);
    expectNoOverlaps(graph, pos);
  });
});

function measure(graph: LayoutGraph, pos: Record<string, { x: number; y: number }>) {
  const boxes = graph.nodes.map((n) => ({ ...pos[n.id], width: n.width, height: n.height }));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  const area = boxes.reduce((s, b) => s + b.width * b.height, 0);
  return { ratio: width / height, covered: area / (width * height) };
}

function expectNoOverlaps(graph: LayoutGraph, pos: Record<string, { x: number; y: number }>) {
  const boxes = graph.nodes.map((n) => ({ ...pos[n.id], width: n.width, height: n.height })).sort((a, b) => a.x - b.x);
  let found = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].x < boxes[i].x + boxes[i].width; j++) if (overlaps(boxes[i], boxes[j])) found++;
  }
  expect(found).toBe(0);
}

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
