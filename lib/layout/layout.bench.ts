import type { BenchCase } from '../bench/types';
import { computeLayout, layoutGraph } from './elk';
import { quickLayout } from './quick';
import { hubGraph } from './sample-graphs';
import { generatedDocument } from '../schema/schema.bench';

const hubs300 = hubGraph(300);
const hubs1000 = hubGraph(1000);
const chain1000 = layoutGraph(generatedDocument(1000));
/** 300 tables in a chain that also reference hubs: ELK would make some 40,000 dummy nodes (about 11 s). */
const deep300 = hubGraph(300);
for (let i = 9; i < 300; i++) deep300.edges.push({ id: `chain${i}`, source: `t${i - 1}`, target: `t${i}` });

/** Auto layout runs in a worker (the canvas stays live); an import shows the quick layout first. */
export const cases: BenchCase[] = [
  { name: 'layout: auto layout, 300 tables around 8 hubs', size: '300 tables', target: '< 1,000 ms', targetMs: 1000, warmup: 1, iterations: 5, run: () => computeLayout(hubs300) },
  { name: 'layout: auto layout, 1,000 tables around 8 hubs', size: '1,000 tables', target: '< 3,000 ms', targetMs: 3000, warmup: 1, iterations: 3, run: () => computeLayout(hubs1000) },
  { name: 'layout: auto layout, a chain of 1,000 tables', size: '1,000 tables', target: '< 3,000 ms', targetMs: 3000, warmup: 1, iterations: 3, run: () => computeLayout(chain1000) },
  { name: 'layout: auto layout, 300 tables in a chain that reference hubs', size: '300 tables', target: '< 1,000 ms', targetMs: 1000, warmup: 1, iterations: 5, run: () => computeLayout(deep300) },
  { name: 'layout: quick layout (import preview), 1,000 tables', size: '1,000 tables', target: '< 20 ms', targetMs: 20, warmup: 5, iterations: 20, run: () => quickLayout(hubs1000) },
];
