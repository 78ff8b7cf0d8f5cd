/** Test helpers (Node only): the shared corpus, a line diff and block line ranges. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../formats/types';
import { splitBlocks } from './blocks';

export const CORPUS = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..', '../shared/corpus');
export const HAS_CORPUS = fs.existsSync(CORPUS);
export const NO_CORPUS_REASON = `corpus not found at ${CORPUS}; skipping corpus tests`;

export interface CorpusInput {
  name: string;
  files: SourceFile[];
}

function prismaFiles(dir: string): SourceFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Every schema in corpus/prisma (files and *-multifile folders) and every evolution version. */
export function corpusInputs(): CorpusInput[] {
  if (!HAS_CORPUS) return [];
  const out: CorpusInput[] = [];
  const pdir = path.join(CORPUS, 'prisma');
  for (const f of fs.readdirSync(pdir).sort()) {
    const full = path.join(pdir, f);
    if (fs.statSync(full).isDirectory()) out.push({ name: `prisma/${f}`, files: prismaFiles(full) });
    else if (f.endsWith('.prisma')) out.push({ name: `prisma/${f}`, files: [{ path: f, text: fs.readFileSync(full, 'utf8') }] });
  }
  const edir = path.join(CORPUS, 'evolution');
  for (const repo of fs.readdirSync(edir).sort()) {
    for (const f of prismaFiles(path.join(edir, repo))) out.push({ name: `evolution/${repo}/${f.path}`, files: [f] });
  }
  return out;
}

/** Changed lines between two texts: 0-based indices of removed old lines and added new lines. */
export function lineDiff(a: string, b: string): { removed: number[]; added: number[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  const n = xs.length;
  const m = ys.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = xs[i] === ys[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
    }
  }
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && xs[i] === ys[j]) {
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i * (m + 1) + j + 1] >= dp[(i + 1) * (m + 1) + j])) added.push(pre + j++);
    else removed.push(pre + i++);
  }
  return { removed, added };
}

/** 0-based [first, last] line of each named block (model/enum/view/type), doc comments included. */
export function blockRanges(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const p of splitBlocks(text)) {
    if (p.t !== 'block') continue;
    const first = p.block.startLine - 1;
    out.set(p.block.name, [first, first + p.block.text.split('\n').length - 1]);
  }
  return out;
}

/** Lines changed outside the blocks named (blank lines right next to such a block are allowed). */
export function changesOutside(before: string, after: string, blocks: string[]): string[] {
  const { removed, added } = lineDiff(before, after);
  const bad: string[] = [];
  const check = (text: string, lines: number[], sign: string) => {
    const all = text.split('\n');
    const ranges = [...blockRanges(text)].filter(([n]) => blocks.includes(n)).map(([, r]) => r);
    for (const l of lines) {
      const inside = ranges.some(([s, e]) => l >= s && l <= e);
      const nextTo = all[l].trim() === '' && ranges.some(([s, e]) => l === s - 1 || l === e + 1);
      if (!inside && !nextTo) bad.push(`${sign}${l + 1}: ${all[l]}`);
    }
  };
  check(before, removed, '-');
  check(after, added, '+');
  return bad;
}
