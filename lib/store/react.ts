'use client';
/** The thin React binding of the store: the only file under lib/ that may import React. */
import { createContext, createElement, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSchemaStore, type SchemaState, type SchemaStore } from './store';
import type { SchemaDocument } from '../schema/types';
import { sameContent } from '../schema/content';

const StoreContext = createContext<SchemaStore | null>(null);

/** Provides a store instance (not schema state) to the tree. */
export function SchemaStoreProvider(props: { initial: SchemaDocument | (() => SchemaDocument); children: ReactNode }) {
  const [store] = useState(() =>
    createSchemaStore(typeof props.initial === 'function' ? props.initial() : props.initial),
  );
  return createElement(StoreContext.Provider, { value: store }, props.children);
}

export function useSchemaStoreApi(): SchemaStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSchemaStoreApi must be used inside <SchemaStoreProvider>');
  return store;
}

export function useSchema<T>(selector: (state: SchemaState) => T): T {
  return useStore(useSchemaStoreApi(), selector);
}

/**
 * The document, changing only when its schema content does (see sameContent): for views that export
 * or check the schema, so a drag on the canvas does not recompute them frame by frame.
 */
export function useSchemaContent(): SchemaDocument {
  // A stable selector that remembers the last document it returned: the store's subscription then
  // sees the same snapshot while only the layout changes, and the component does not re-render.
  const [select] = useState(() => {
    let last: SchemaDocument | undefined;
    return (s: SchemaState) => (last && sameContent(last, s.document) ? last : (last = s.document));
  });
  return useStore(useSchemaStoreApi(), select);
}
