/**
 * Vitest setup, run in each test file's process: a database booted with plain `bootPg` (the
 * importer's default) starts from initdb's data directory cached on disk, as `bootCachedPg` does,
 * not from initdb (3–4 s each, twice per file before the runner keeps its own).
 */
import { provideDiskTemplates } from '../pglite/snapshot-node';

provideDiskTemplates();
