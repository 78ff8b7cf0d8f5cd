/**
 * Ordered forward migrations of the persisted document format. A document saved by any earlier
 * version of Schemata is upgraded step by step to FORMAT_VERSION. Each step is a pure function of
 * plain JSON; never edit a released step, add a new one.
 */
import { FORMAT_NAME, FORMAT_VERSION } from './types';

type Json = Record<string, unknown>;

export interface FormatMigration {
  from: number;
  to: number;
  description: string;
  up(doc: Json): Json;
}

export const MIGRATIONS: FormatMigration[] = [
  {
    from: 1,
    to: 2,
    description:
      'Move table positions (`table.position`) into `layout.nodes`; add `raw`, `sources`, `views`, layout groups and notes.',
    up(doc) {
      const tables = (doc.tables ?? {}) as Record<string, Json>;
      const oldLayout = (doc.layout ?? {}) as Json;
      const layout = {
        groups: {},
        notes: {},
        ...oldLayout,
        nodes: { ...((oldLayout.nodes as Record<string, unknown>) ?? {}) } as Record<string, unknown>,
      };
      const nextTables: Record<string, Json> = {};
      for (const [id, table] of Object.entries(tables)) {
        const { position, color, ...rest } = table as Json & { position?: { x: number; y: number }; color?: string };
        if (position) {
          (layout.nodes as Record<string, unknown>)[id] = { x: position.x, y: position.y, ...(color ? { color } : {}) };
        }
        nextTables[id] = rest;
      }
      return {
        ...doc,
        version: 2,
        tables: nextTables,
        views: doc.views ?? {},
        raw: doc.raw ?? {},
        layout,
        sources: doc.sources ?? {},
      };
    },
  },
];

export class FormatVersionError extends Error {
  name = 'FormatVersionError';
}

/** Upgrades a parsed document of any known version to the current one. Pure: the input is not changed. */
export function migrateDocument(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let doc = input as Json;
  if (doc.format !== FORMAT_NAME) return doc;
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new FormatVersionError(`version: expected a positive integer format version, got ${JSON.stringify(doc.version)}`);
  }
  if (doc.version > FORMAT_VERSION) {
    throw new FormatVersionError(
      `version: document format ${doc.version} is newer than this Schemata understands (${FORMAT_VERSION}); update Schemata`,
    );
  }
  while ((doc.version as number) < FORMAT_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === doc.version);
    if (!step) throw new FormatVersionError(`version: no migration from format ${doc.version}`);
    doc = step.up(doc);
    if (doc.version !== step.to) throw new FormatVersionError(`migration ${step.from}→${step.to} did not set version`);
  }
  return doc;
}
