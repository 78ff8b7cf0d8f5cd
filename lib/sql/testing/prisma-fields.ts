/**
 * Node-only test helper: a Prisma schema as Prisma's own DMMF describes it, for comparing what the
 * import derives with what `prisma db pull` gives (see prisma-engine.ts).
 */
import { createRequire } from 'node:module';

const wasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

interface DmmfField {
  kind: string; name: string; dbName?: string | null; type: string; isList: boolean; isRequired: boolean; isId: boolean; isUnique: boolean; default?: unknown;
  nativeType?: [string, string[]] | null; relationFromFields?: string[]; relationToFields?: string[]; relationOnDelete?: string; relationName?: string;
}

interface DmmfModel { name: string; dbName: string | null; schema?: string | null; fields: DmmfField[] }

/**
 * Each model (and view) by database name, with its Prisma name (`@name`), its scalar fields by
 * database name and its relation fields by name (db pull's naming) with what they join. With
 * `schema`, only the models in that database schema (and those without `@@schema`); with
 * `qualified`, models are keyed `schema.name`.
 */
export function fieldsOf(prisma: string, opts: { schema?: string; qualified?: boolean } = {}): Record<string, Record<string, unknown>> {
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', prisma]] })));
  const models = dmmf.datamodel.models as DmmfModel[];
  const key = (x: DmmfModel) => `${opts.qualified && x.schema ? `${x.schema}.` : ''}${x.dbName ?? x.name}`;
  const dbNames = new Map(models.map((x) => [x.name, key(x)]));
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of models) {
    if (opts.schema && m.schema && m.schema !== opts.schema) continue;
    out[key(m)] = Object.fromEntries([
      ['@name', m.name],
      ...m.fields.map((f) =>
        f.kind === 'object'
          ? [`${f.name} →`, { to: dbNames.get(f.type), list: f.isList, required: f.isRequired, fields: f.relationFromFields, references: f.relationToFields, onDelete: f.relationOnDelete ?? null, relation: f.relationName }]
          : [f.dbName ?? f.name, { name: f.name, type: f.kind === 'enum' ? 'enum' : f.type, list: f.isList, required: f.isRequired, id: f.isId, unique: f.isUnique, default: f.default ?? null, native: native(f) }],
      ),
    ]);
  }
  return out;
}

/** A native type, with PostgreSQL's and Prisma's implied precisions made plain: `timestamptz` is `(6)`, DateTime without one `timestamp(3)`. */
function native(f: DmmfField): string | null {
  if (!f.nativeType) return f.type === 'DateTime' ? 'Timestamp(3)' : null;
  const [name, args] = f.nativeType;
  return `${name}(${(args.length ? args : /^(Timestamp|Timestamptz|Time|Timetz)$/.test(name) ? ['6'] : []).join(', ')})`.replace(/\(\)$/, '');
}
