/// <reference lib="webworker" />
/** The layout worker: runs ELK off the main thread. Message in: { id, graph, options }; out: { id, positions | error }. */
import { computeLayout, elkInstance, type LayoutGraph, type LayoutOptions } from './elk';

declare const self: DedicatedWorkerGlobalScope;

// Made before the handler is set: making ELK in a worker sets `self.onmessage` to ELK's own
// dispatcher, which would take every later request (the second layout of a session never came back).
elkInstance();

self.onmessage = async (e: MessageEvent<{ id: number; graph: LayoutGraph; options?: LayoutOptions }>) => {
  const { id, graph, options } = e.data;
  try {
    self.postMessage({ id, positions: await computeLayout(graph, options) });
  } catch (err) {
    self.postMessage({ id, error: (err as Error).message });
  }
};
