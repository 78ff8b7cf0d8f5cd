/// <reference lib="webworker" />
/** The layout worker: runs ELK off the main thread. Message in: { id, graph, options }; out: { id, positions | error }. */
import { computeLayout, type LayoutGraph, type LayoutOptions } from './elk';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (e: MessageEvent<{ id: number; graph: LayoutGraph; options?: LayoutOptions }>) => {
  const { id, graph, options } = e.data;
  try {
    self.postMessage({ id, positions: await computeLayout(graph, options) });
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message });
  }
};
