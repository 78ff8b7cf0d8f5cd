'use client';
import { useEffect } from 'react';
import { overrideReader } from '@/lib/formats/registry';
import { importPostgresInWorker, warmSqlImport } from '@/lib/pglite/browser/client';

/**
 * PostgreSQL import runs in a worker. When the app is idle, the worker boots PostgreSQL (PGlite)
 * so that an import only pays for running the user's DDL.
 */
export function SqlImportSetup() {
  useEffect(() => {
    const restore = overrideReader('postgres', (files, opts) => importPostgresInWorker(files, opts));
    const idle = (cb: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(cb, { timeout: 3000 }) : setTimeout(cb, 1500));
    idle(() => {
      void warmSqlImport().then(() => ((window as unknown as { __schemataSqlWarm?: boolean }).__schemataSqlWarm = true));
    });
    return restore;
  }, []);
  return null;
}
