/**
 * `npm run bench`: runs every `lib/**\/*.bench.ts` case, prints a table and writes
 * bench-results/bench.json. Filter cases with `npm run bench -- <substring>`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './types';

interface Row {
  name: string;
  size?: string;
  target?: string;
  iterations?: number;
  median?: number;
  p95?: number;
  min?: number;
  metrics?: Record<string, number>;
  pass?: boolean;
  skipped?: string;
  error?: string;
}

async function findBenchFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await findBenchFiles(full)));
    else if (e.name.endsWith('.bench.ts')) out.push(full);
  }
  return out.sort();
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (n?: number) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(2));

async function runCase(c: BenchCase): Promise<Row> {
  const row: Row = { name: c.name, size: c.size, target: c.target };
  if (c.skip) {
    await c.teardown?.();
    return { ...row, skipped: c.skip };
  }
  try {
    await c.setup?.();
    if (c.measure) {
      row.metrics = await c.measure();
      if (c.meets) row.pass = c.meets(row.metrics);
    } else if (c.run) {
      for (let i = 0; i < (c.warmup ?? 3); i++) await c.run();
      const times: number[] = [];
      const n = c.iterations ?? 20;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await c.run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      Object.assign(row, { iterations: n, median: quantile(times, 0.5), p95: quantile(times, 0.95), min: times[0] });
      if (c.targetMs !== undefined) row.pass = row.median! <= c.targetMs;
    }
  } catch (e) {
    row.error = (e as Error).message.split('\n')[0];
  } finally {
    await c.teardown?.();
  }
  return row;
}

async function main() {
  const filter = process.argv.slice(2).join(' ');
  const root = path.resolve(import.meta.dirname, '..');
  const files = await findBenchFiles(root);
  const rows: Row[] = [];
  const teardowns: (() => Promise<void> | void)[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { cases?: BenchCase[] | (() => Promise<BenchCase[]>); teardown?: () => Promise<void> | void };
    if (mod.teardown) teardowns.push(mod.teardown);
    const cases = typeof mod.cases === 'function' ? await mod.cases() : (mod.cases ?? []);
    for (const c of cases) {
      if (filter && !c.name.includes(filter)) continue;
      process.stderr.write(`bench: ${c.name} ...\n`);
      rows.push(await runCase(c));
    }
  }
  for (const t of teardowns) await t();
  const table = [['case', 'size', 'median ms', 'p95 ms', 'min ms', 'target', 'result']];
  for (const r of rows) {
    const result = r.skipped ? `skipped: ${r.skipped}` : r.error ? `error: ${r.error}` : r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS';
    if (r.metrics) {
      table.push([r.name, r.size ?? '', '', '', '', r.target ?? '', result]);
      for (const [k, v] of Object.entries(r.metrics)) table.push([`  ${k}`, '', ms(v), '', '', '', '']);
    } else {
      table.push([r.name, r.size ?? '', ms(r.median), ms(r.p95), ms(r.min), r.target ?? '', result]);
    }
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ');
  console.log(line(table[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of table.slice(1)) console.log(line(row));
  const outDir = path.resolve(root, '..', 'bench-results');
  await fs.mkdir(outDir, { recursive: true });
  const out = path.join(outDir, 'bench.json');
  const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30) };
  await fs.writeFile(out, JSON.stringify({ date: new Date().toISOString(), machine, results: rows }, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${(e as Error).message}`);
    process.exit(1);
  },
);
