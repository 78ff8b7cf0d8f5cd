'use client';
import { createContext, useContext } from 'react';

/** Below this zoom, tables show their name and keys only, and edges attach to table headers. */
export const DETAIL_ZOOM = 0.45;
/** Below this zoom, tables are a named box. */
export const OUTLINE_ZOOM = 0.2;

export type Detail = 'full' | 'keys' | 'outline';

export const detailOf = (s: { transform: [number, number, number] }): Detail =>
  s.transform[2] < OUTLINE_ZOOM ? 'outline' : s.transform[2] < DETAIL_ZOOM ? 'keys' : 'full';

/**
 * The level of detail for the current zoom, read once by the canvas and handed to the nodes: a
 * thousand nodes each subscribing to React Flow's store would all run on every pointer move.
 */
export const DetailContext = createContext<Detail>('full');
export const useDetail = () => useContext(DetailContext);
