/** Layout inputs shaped like real schemas at any size, for the layout tests and `npm run bench`. */
import type { LayoutGraph } from './graph';

/**
 * n tables, each referencing one of 8 hubs (`User`, `Organization`, ...) and most of them one other
 * earlier table too, with heights of 2 to 11 columns (a seeded generator: the same graph each run).
 */
export function hubGraph(n: number): LayoutGraph {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, width: 240, height: 80 + Math.floor(rnd() * 10) * 24 }));
  const edges: LayoutGraph['edges'] = [];
  for (let i = 1; i < n; i++) {
    edges.push({ id: `a${i}`, source: `t${Math.floor(rnd() * Math.min(i, 8))}`, target: `t${i}` });
    if (i > 8 && rnd() < 0.6) edges.push({ id: `b${i}`, source: `t${Math.floor(rnd() * i)}`, target: `t${i}` });
  }
  return { nodes, edges };
}
