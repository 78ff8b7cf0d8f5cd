'use client';
/** Runs ELK in a Web Worker; falls back to the main thread where workers are unavailable. */
import type { LayoutGraph } from '@/lib/layout/graph';
import type { LayoutOptions } from '@/lib/layout/elk';
import type { Id } from '@/lib/schema/types';

type Positions = Record<Id, { x: number; y: number }>;
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

function getWorker(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('../../lib/layout/worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.error) p.reject(new Error(e.data.error));
      else p.resolve(e.data.positions!);
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'layout worker failed'));
      pending.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

export async function layoutInWorker(graph: LayoutGraph, options?: LayoutOptions): Promise<Positions> {
  const w = getWorker();
  if (!w) {
    const { computeLayout } = await import('@/lib/layout/elk');
    return computeLayout(graph, options);
  }
  const id = ++seq;
  return new Promise<Positions>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, graph, options });
  });
}
