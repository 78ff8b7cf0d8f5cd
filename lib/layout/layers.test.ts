import { describe, expect, it } from 'vitest';
import { crossedLayers, layerOf, orderedLayers } from './layers';
import type { LayoutGraph } from './graph';

const node = (id: string) => ({ id, width: 200, height: 100 });
const graph = (ids: string[], pairs: [string, string][]): LayoutGraph => ({ nodes: ids.map(node), edges: pairs.map(([source, target], i) => ({ id: `e${i}`, source, target })) });

describe('linear layering', () => {
  it('puts referenced tables before the tables that reference them, a source just before its first successor', () => {
    const g = graph(['user', 'post', 'comment', 'tag'], [['user', 'post'], ['post', 'comment'], ['user', 'comment'], ['tag', 'comment']]);
    const l = layerOf(g);
    expect([l.get('user'), l.get('post'), l.get('comment')]).toEqual([0, 1, 2]);
    expect(l.get('tag')).toBe(1);
    expect(crossedLayers(g, l)).toBe(1); // user → comment crosses post's layer
  });

  it('breaks cycles and self-references', () => {
    const g = graph(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['b', 'b']]);
    const l = layerOf(g);
    expect(new Set(l.values()).size).toBe(3);
    for (const v of l.values()) expect(Number.isFinite(v)).toBe(true);
  });

  it('orders each layer by its neighbours, untangling crossed pairs', () => {
    // a1 → b2 and a2 → b1 cross when the b layer keeps its input order.
    const g = graph(['a1', 'a2', 'b1', 'b2'], [['a1', 'b2'], ['a2', 'b1']]);
    const placed = orderedLayers(g, layerOf(g));
    const y = (id: string) => placed.find((p) => p.id === id)!.y;
    expect(Math.sign(y('a1') - y('a2'))).toBe(Math.sign(y('b2') - y('b1')));
    // Layers do not overlap in x (compactLayered tells them apart so).
    const x = (id: string) => placed.find((p) => p.id === id)!;
    expect(x('b1').x).toBeGreaterThanOrEqual(x('a1').x + x('a1').width);
  });
});
