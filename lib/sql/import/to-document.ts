/** Builds a SchemaDocument from the raw catalog rows (see catalog-read.ts). */
import { createDocument, mayBeNull } from '../../schema/document';
import { newId, type IdGenerator } from '../../schema/ids';
import type { Column, Enum, ForeignKeyRelation, Id, Index, IndexColumn, IndexMethod, ManyToManyRelation, ReferentialAction, SchemaDocument, Table, View } from '../../schema/types';
import { referentialActions } from '../ddl/model';
import { foreignKeyName, indexName, primaryKeyName } from '../ddl/names';
import type { R, RawCatalog } from './catalog-read';
import { FIELD_NAMES, isPrismaIdentifier, NameScope, prefixedIdentifier, prismaIdentifier, RESERVED_MODEL_NAMES } from './names';
import { columnType, defaultValue, NEXTVAL } from './catalog-columns';
import { implicitManyToMany, nameRelations } from './catalog-relations';

export interface BuiltDocument {
  doc: SchemaDocument;
  tableByKey: Map<string, Table>;
  viewByKey: Map<string, Id>;
  /** Serial sequences folded into `autoincrement()` (schema.name), and the table whose SERIAL creates each. */
  absorbedSequences: Map<string, Id>;
  /** SQL for catalog objects the model cannot hold (exclusion constraints, INCLUDE indexes, ...). */
  lateRaw: LateRaw[];
  notNullArrays: Id[];
  /** `PARTITION BY` clauses of partitioned tables, by table id. */
  partitionBy: Record<Id, string>;
  /** Partitions: parent table id and bound (`FOR VALUES ...`), by table id. */
  partitionOf: Record<Id, { parent: Id; bound: string }>;
  /** Tables created UNLOGGED. */
  unlogged: Id[];
  /**
   * Sequences a serial made that are not folded into `autoincrement()` (a serial whose sequence was
   * altered, renamed, given OWNED BY another column or NONE, or whose default was dropped): how to
   * create them (before the tables), and own them (after the tables).
   * The import leaves out the ones the script creates itself (CREATE SEQUENCE, kept as written).
   */
  ownedSequences: { key: string; name: string; create: string; owner?: string }[];
}

export interface LateRaw {
  kind: string;
  name: string;
  text: string;
  /**
   * The definition was not read with the catalog (see `readDefinitions`): `text` is `prefix` plus
   * the definition of this constraint (`c`) or index (`i`) once read; see `fillDefinitions`.
   */
  missing?: { of: 'c' | 'i'; oid: string; prefix: string; params?: string };
}

/** A key's definition with its index's storage parameters, which pg_get_constraintdef leaves out (`WITH (...)` goes before DEFERRABLE). */
const withParams = (def: string, params?: string) => (params ? def.replace(/(?=(?: NOT)? DEFERRABLE\b| INITIALLY\b|$)/, ` WITH (${params})`) : def);

const lateSql = (kind: string, name: string, prefix: string, def: string | null, of: 'c' | 'i', oid: string, params?: string): LateRaw =>
  def !== null && def !== undefined ? { kind, name, text: prefix + withParams(def, params) } : { kind, name, text: '', missing: { of, oid, prefix, ...(params ? { params } : {}) } };

/** Fills in the definitions of late raw SQL read afterwards (keys `c<oid>` / `i<oid>`, as from readDefinitions). */
export function fillDefinitions(lateRaw: LateRaw[], defs: Map<string, string>): void {
  for (const r of lateRaw) {
    if (!r.missing) continue;
    const def = defs.get(r.missing.of + r.missing.oid);
    if (def === undefined) throw new Error(`no definition read for ${r.kind} ${r.name}`);
    r.text = r.missing.prefix + withParams(def, r.missing.params);
    delete r.missing;
  }
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Storage parameters (`reloptions`, joined by U+0001) as the list `SET (...)` takes, values quoted. */
const storageParams = (options: string) =>
  options.split('\u0001').map((o) => `${o.slice(0, o.indexOf('='))}='${o.slice(o.indexOf('=') + 1).replace(/'/g, "''")}'`).join(', ');

const COMPRESSION: Record<string, string> = { p: 'pglz', l: 'lz4' };

const TYPE_RANGE: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'], integer: ['-2147483648', '2147483647'], bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** A sequence's options that differ from the defaults for its type and direction (`START WITH 10 INCREMENT BY 2 CACHE 20`). */
/** Whether a default (`nextval('...'::regclass)`) names this sequence; PostgreSQL quotes names where needed (also reserved words such as "order"). */
function usesSequence(def: string, x: R): boolean {
  return def.includes(`${q(x.name!)}'::regclass`) || def.includes(`${q(x.name!).replace(/^"([a-z_][a-z0-9_]*)"$/, '$1')}'::regclass`);
}

function sequenceOptions(s: R): string {
  const asc = !s.inc!.startsWith('-');
  const [lo, hi] = TYPE_RANGE[s.type!] ?? TYPE_RANGE.bigint;
  const parts: string[] = [];
  if (s.start !== '1' || s.inc !== '1') parts.push(`START WITH ${s.start} INCREMENT BY ${s.inc}`);
  if (s.min !== (asc ? '1' : lo)) parts.push(`MINVALUE ${s.min}`);
  if (s.max !== (asc ? hi : '-1')) parts.push(`MAXVALUE ${s.max}`);
  if (s.cache !== '1') parts.push(`CACHE ${s.cache}`);
  if (s.cycle === 'true') parts.push('CYCLE');
  return parts.join(' ');
}
const ACTIONS: Record<string, ReferentialAction> = { a: 'no-action', r: 'restrict', c: 'cascade', n: 'set-null', d: 'set-default' };

export function catalogToDocument(cat: RawCatalog, opts: { name?: string; ids?: IdGenerator } = {}): BuiltDocument {
  const ids = opts.ids ?? newId;
  const doc = createDocument({ name: opts.name ?? 'Imported schema', provider: 'postgresql' });
  doc.settings.defaultNamespace = 'public';
  const nsBySchema = new Map<string, Id>();
  for (const s of cat.schemas) {
    const id = ids('ns');
    // The public schema's own comment comes with every database: not the script's.
    const comment = s.name === 'public' && s.comment === 'standard public schema' ? null : s.comment;
    doc.namespaces[id] = { id, name: s.name!, ...(comment ? { comment } : {}) };
    nsBySchema.set(s.name!, id);
  }
  /**
   * A relation's or type's namespace. A schema the read leaves out (an extension's, like the auth
   * schema a Supabase environment makes) that the script put its own objects in is added for them:
   * the export creates schemas IF NOT EXISTS.
   */
  const namespaceOf = (schema: string): Id => {
    let id = nsBySchema.get(schema);
    if (!id) {
      id = ids('ns');
      doc.namespaces[id] = { id, name: schema };
      nsBySchema.set(schema, id);
    }
    return id;
  };
  // As db pull names them: names that several tables, views or enums would get (the same name in two
  // schemas, `_t` beside `t`) are all `<schema>_<name>`.
  const models = new NameScope(RESERVED_MODEL_NAMES);
  const shared = new Map<string, number>();
  const counted = new Set<string>();
  // Not a many-to-many join table (`_<name>` with columns A and B), which is no model.
  const columnNames = new Map<string, string[]>();
  for (const c of cat.columns) (columnNames.get(c.rel!) ?? columnNames.set(c.rel!, []).get(c.rel!)!).push(c.name!);
  const joinShaped = (r: R) => r.name!.startsWith('_') && columnNames.get(r.oid!)?.join() === 'A,B';
  for (const r of [...cat.enums, ...cat.relations]) {
    if (counted.has(r.oid!) || ('kind' in r && joinShaped(r))) continue;
    counted.add(r.oid!);
    const base = prismaIdentifier(r.name!, 'm');
    shared.set(base, (shared.get(base) ?? 0) + 1);
  }
  const modelName = (schema: string, name: string) => {
    const base = prismaIdentifier(name, 'm');
    const qualified = prismaIdentifier(`${schema}_${name}`, 'm');
    return (shared.get(base) ?? 0) > 1 ? models.claim(qualified) : models.claim(base, qualified);
  };
  const labels = new Map<string, Set<string>>();
  for (const r of cat.enums) if (isPrismaIdentifier(r.label!)) (labels.get(r.oid!) ?? labels.set(r.oid!, new Set()).get(r.oid!)!).add(r.label!);
  const enums = new Map<string, Enum>();
  for (const r of cat.enums) {
    let e = enums.get(r.oid!);
    if (!e) {
      const name = modelName(r.schema!, r.name!);
      e = { id: ids('enum'), name, namespace: namespaceOf(r.schema!), values: [], ...(name !== r.name ? { dbName: r.name! } : {}), ...(r.comment ? { comment: r.comment } : {}) };
      enums.set(r.oid!, e);
      doc.enums[e.id] = e;
    }
    // Enum values are told apart by case (`A`, `a`): names are compared as they are.
    const taken = (n: string) => e!.values.some((v) => v.name === n) || (n !== r.label && !!labels.get(r.oid!)?.has(n));
    let vname = prismaIdentifier(r.label!, 'v');
    if (taken(vname)) vname = prefixedIdentifier(r.label!, 'v');
    if (taken(vname)) vname = `${vname}_${e.values.length}`;
    e.values.push({ id: ids('val'), name: vname, ...(vname !== r.label ? { dbName: r.label! } : {}) });
  }
  // Sequences owned by each column (a serial's, an identity's, or one given OWNED BY).
  const serials = new Map<string, R[]>();
  for (const s of cat.serials) (serials.get(`${s.rel}:${s.num}`) ?? serials.set(`${s.rel}:${s.num}`, []).get(`${s.rel}:${s.num}`)!).push(s);
  const ownedSequences: BuiltDocument['ownedSequences'] = [];
  const absorbedSequences = new Map<string, Id>();
  const lateRaw: BuiltDocument['lateRaw'] = [];
  const notNullArrays: Id[] = [];
  const tables = new Map<string, Table>();
  const tableByKey = new Map<string, Table>();
  const viewByKey = new Map<string, Id>();
  const views = new Map<string, View>();
  const relKey = new Map<string, string>();
  const partitionBy: Record<Id, string> = {};
  const unlogged: Id[] = [];
  for (const r of cat.relations) {
    const key = `${r.schema}.${r.name}`;
    relKey.set(r.oid!, `${q(r.schema!)}.${q(r.name!)}`);
    const name = modelName(r.schema!, r.name!);
    const common = { name, namespace: namespaceOf(r.schema!), ...(name !== r.name ? { dbName: r.name! } : {}), ...(r.comment ? { comment: r.comment } : {}) };
    if (r.kind === 'v') {
      const id = ids('view');
      // The Prisma printer writes a view's body as given: `@@schema` is needed in a multi-schema datasource.
      doc.views[id] = { id, ...common, definition: r.definition ?? undefined, columns: [], prismaBody: `  @@schema(${JSON.stringify(r.schema)})` };
      views.set(r.oid!, doc.views[id]);
      viewByKey.set(key, id);
      // security_barrier, security_invoker, check_option (WITH CHECK OPTION).
      if (r.options) lateRaw.push({ kind: 'alter', name: r.name!, text: `ALTER VIEW ${q(r.schema!)}.${q(r.name!)} SET (${storageParams(r.options)})` });
      continue;
    }
    const t: Table = { id: ids('tbl'), ...common, columns: [], indexes: [], checks: [] };
    if (r.partkey) partitionBy[t.id] = r.partkey;
    if (r.persistence === 'u') unlogged.push(t.id);
    // Table properties the model does not hold, as statements after the tables.
    const table = `${q(r.schema!)}.${q(r.name!)}`;
    if (r.inherits) lateRaw.push({ kind: 'alter', name: r.name!, text: `ALTER TABLE ${table} ${r.inherits}` });
    if (r.oftype) lateRaw.push({ kind: 'alter', name: r.name!, text: `ALTER TABLE ${table} OF ${r.oftype}` });
    if (r.options) lateRaw.push({ kind: 'alter', name: r.name!, text: `ALTER TABLE ${table} SET (${storageParams(r.options)})` });
    tables.set(r.oid!, t);
    tableByKey.set(key, t);
    doc.tables[t.id] = t;
  }
  const partitionOf: Record<Id, { parent: Id; bound: string }> = {};
  for (const r of cat.relations) {
    const child = tables.get(r.oid!);
    const parent = r.parent ? tables.get(r.parent) : undefined;
    if (child && parent && r.bound) partitionOf[child.id] = { parent: parent.id, bound: r.bound };
  }
  const colByNum = new Map<string, Column>();
  /** Each column's collation (oid), by `rel:attnum`. */
  const collationOf = new Map<string, string>();
  const fieldScopes = new Map<Id, NameScope>();
  for (const c of cat.columns) {
    const owner = tables.get(c.rel!) ?? views.get(c.rel!);
    if (owner && isPrismaIdentifier(c.name!)) (fieldScopes.get(owner.id) ?? fieldScopes.set(owner.id, new NameScope([], FIELD_NAMES)).get(owner.id)!).keep(c.name!);
  }
  for (const c of cat.columns) {
    const t = tables.get(c.rel!);
    const view = t ? undefined : views.get(c.rel!);
    if (!t && !view) continue;
    const owner = t ?? view!;
    const scope = fieldScopes.get(owner.id) ?? new NameScope([], FIELD_NAMES);
    fieldScopes.set(owner.id, scope);
    const name = scope.claimFor(c.name!, 'f');
    const type = columnType(c, enums);
    if (!t) {
      // What the view gives: its name and type (a view's columns are never NOT NULL in the catalog).
      view!.columns!.push({ id: ids('col'), name, type, ...(name !== c.name ? { dbName: c.name! } : {}) });
      continue;
    }
    const col: Column = { id: ids('col'), name, type, nullable: c.notnull !== 'true', ...(name !== c.name ? { dbName: c.name! } : {}) };
    if (c.comment) col.comment = c.comment;
    if (type.array && !col.nullable) notNullArrays.push(col.id);
    if (c.gen === 's' || c.gen === 'v') col.generated = { expression: c.def!, stored: c.gen === 's' };
    else if (c.ident) {
      const s = serials.get(`${c.rel}:${c.num}`)?.find((x) => x.deptype === 'i');
      const name = s && s.name !== `${t.dbName ?? t.name}_${c.name}_seq` ? `SEQUENCE NAME ${q(s.schema!)}.${q(s.name!)}` : '';
      // An identity's sequence is logged as its table is, unless altered since.
      const persistence = s && (s.persistence ?? 'p') !== (unlogged.includes(t.id) ? 'u' : 'p') ? (s.persistence === 'u' ? 'UNLOGGED' : 'LOGGED') : '';
      const opts = s && [name, sequenceOptions(s), persistence].filter(Boolean).join(' ');
      col.identity = { generation: c.ident === 'a' ? 'always' : 'by-default', ...(opts ? { sequence: opts } : {}) };
    } else if (c.def !== null) {
      const owned = serials.get(`${c.rel}:${c.num}`) ?? [];
      const s = owned.find((x) => usesSequence(c.def!, x)) ?? owned[0];
      const isSerial = s && s.deptype === 'a' && s.plain === 'true' && s.typid === c.typid && ['int2', 'int4', 'int8'].includes(c.typname!) &&
        (s.persistence ?? 'p') === (unlogged.includes(t.id) ? 'u' : 'p') &&
        s.name === `${t.dbName ?? t.name}_${c.name}_seq` && c.def === `nextval('${q(s.schema!).replace(/^"([a-z_][a-z0-9_]*)"$/, '$1')}.${q(s.name!).replace(/^"([a-z_][a-z0-9_]*)"$/, '$1')}'::regclass)`;
      if (isSerial) {
        col.default = { kind: 'function', name: 'autoincrement', args: [] };
        absorbedSequences.set(`${s!.schema}.${s!.name}`, t.id);
      } else if (NEXTVAL.test(c.def!) && ['Int', 'BigInt'].includes(type.kind) && !type.array) {
        // Another sequence's next value (pg_dump writes every serial so, pagila's sequences are no
        // column's): autoincrement() to Prisma, MySQL and SQLite, as db pull reads it; PostgreSQL
        // writes the default as it is (the sequence is made apart).
        col.default = { kind: 'function', name: 'autoincrement', args: [], postgres: c.def! };
      } else col.default = defaultValue(c.def!, col, enums, c);
    }
    if (c.coll) col.collation = c.coll;
    t.columns.push(col);
    colByNum.set(`${c.rel}:${c.num}`, col);
    if (c.collid) collationOf.set(`${c.rel}:${c.num}`, c.collid);
    if (c.compression && COMPRESSION[c.compression]) {
      lateRaw.push({ kind: 'alter', name: `${t.dbName ?? t.name}.${c.name}`, text: `ALTER TABLE ${relKey.get(c.rel!)} ALTER COLUMN ${q(c.name!)} SET COMPRESSION ${COMPRESSION[c.compression]}` });
    }
  }
  // Other sequences a serial made (not created by the script's own CREATE SEQUENCE): the ones owned by
  // a column of a modelled table, and unowned ones (OWNED BY NONE, made by a DO block), are created
  // from the catalog.
  for (const x of cat.serials) {
    const key = `${x.schema}.${x.name}`;
    if (x.deptype === 'i' || absorbedSequences.has(key)) continue;
    const owner = x.deptype === 'a' ? colByNum.get(`${x.rel}:${x.num}`) : undefined;
    // Owned by a relation the document does not model (a foreign table): its kept statement makes it.
    if (x.deptype === 'a' && !owner) continue;
    const seq = `${q(x.schema!)}.${q(x.name!)}`;
    const create = `CREATE ${x.persistence === 'u' ? 'UNLOGGED ' : ''}SEQUENCE ${seq} AS ${x.type} START WITH ${x.start} INCREMENT BY ${x.inc} MINVALUE ${x.min} MAXVALUE ${x.max} CACHE ${x.cache}${x.cycle === 'true' ? ' CYCLE' : ''}`;
    ownedSequences.push({
      key, name: x.name!, create,
      ...(owner ? { owner: `ALTER SEQUENCE ${seq} OWNED BY ${relKey.get(x.rel!)}.${q(owner.dbName ?? owner.name)}` } : {}),
    });
  }
  const cols = (rel: string, list: string | null) => (list ?? '').split(',').filter(Boolean).map((n) => colByNum.get(`${rel}:${n}`));
  const dbn = (t: Table) => t.dbName ?? t.name;
  const cn = (c: Column) => c.dbName ?? c.name;
  const fks: { rel: ForeignKeyRelation; con: R }[] = [];
  const uniqueSets = new Map<Id, Set<string>>();
  const indexByOid = new Map(cat.indexes.map((ix) => [ix.oid!, ix]));
  const partitioned = new Set(cat.relations.filter((r) => r.kind === 'p').map((r) => r.oid!));
  // Indexes (and keys' indexes) of partitioned tables kept as SQL ON ONLY the table, to attach their partitions' indexes to.
  const keptIndexes = new Set<string>();
  for (const co of cat.constraints) {
    const t = tables.get(co.rel!);
    if (!t) continue;
    const cs = cols(co.rel!, co.cols);
    // A key with INCLUDE columns has no model form (conkey holds only the key columns): kept as SQL.
    // So is a partitioned table's key with storage parameters (they cannot be set on its index afterwards).
    const ix = ['p', 'u', 'x'].includes(co.type!) ? indexByOid.get(co.indid!) : undefined;
    const params = ix?.relopts && ix.relkind === 'p' ? storageParams(ix.relopts) : undefined;
    // A deferrable foreign key is modelled (Django makes every one so); a deferrable key is kept as SQL.
    const modelled = cs.every(Boolean) && (co.deferrable !== 'true' || co.type === 'f') && co.valid === 'true' && co.incl !== 'true' && !params;
    // A partitioned table's key kept as SQL is added to it ONLY, as pg_dump does: its partitions'
    // keys (modelled or kept) are attached to its index afterwards (below).
    const only = ['p', 'u', 'x'].includes(co.type!) && partitioned.has(co.rel!);
    const late = () => {
      if (only) keptIndexes.add(co.indid!);
      lateRaw.push(lateSql('constraint', co.name!, `ALTER TABLE ${only ? 'ONLY ' : ''}${relKey.get(co.rel!)} ADD CONSTRAINT ${q(co.name!)} `, co.def, 'c', co.oid!, params));
    };
    if (co.type === 'p' && modelled) {
      t.primaryKey = { columns: cs.map((c) => ({ column: c!.id })), ...(co.name !== primaryKeyName(dbn(t)) ? { dbName: co.name! } : {}) };
      (uniqueSets.get(t.id) ?? uniqueSets.set(t.id, new Set()).get(t.id)!).add(cs.map((c) => c!.id).join());
    } else if (co.type === 'u' && modelled && !/NULLS NOT DISTINCT/.test(co.def!)) {
      const conv = indexName(dbn(t), cs.map((c) => cn(c!)), true);
      t.indexes.push({ id: ids('idx'), unique: true, constraint: true, columns: cs.map((c) => ({ column: c!.id })), ...(co.name !== conv ? { dbName: co.name! } : {}) });
      (uniqueSets.get(t.id) ?? uniqueSets.set(t.id, new Set()).get(t.id)!).add(cs.map((c) => c!.id).join());
    } else if (co.type === 'c' && co.valid === 'true' && /^CHECK \(/.test(co.def!) && !/NO INHERIT/.test(co.def!)) {
      t.checks.push({ id: ids('chk'), dbName: co.name!, expression: co.def!.replace(/^CHECK \(([\s\S]*)\)$/, '$1') });
    } else if (co.type === 'f' && modelled && co.match !== 'f' && co.delcols !== 'true' && tables.get(co.frel!)) {
      // ON DELETE SET NULL / SET DEFAULT (columns) has no model form: such a key is kept as SQL.
      const to = tables.get(co.frel!)!;
      const tc = cols(co.frel!, co.fcols);
      if (!tc.every(Boolean)) { late(); continue; }
      // Prisma needs the same scalar type on both sides (int4 -> int8 is valid SQL): keep such keys as SQL.
      if (cs.some((c, i) => c!.type.kind !== tc[i]!.type.kind || !!c!.type.array !== !!tc[i]!.type.array)) { late(); continue; }
      const rel: ForeignKeyRelation = {
        id: ids('rel'), kind: 'foreign-key', from: { table: t.id, columns: cs.map((c) => c!.id) }, to: { table: to.id, columns: tc.map((c) => c!.id) },
        onDelete: ACTIONS[co.del!], onUpdate: ACTIONS[co.upd!],
        ...(co.deferrable === 'true' ? { deferrable: co.deferred === 'true' ? 'deferred' : 'immediate' } : {}),
      };
      if (co.name !== foreignKeyName(dbn(t), cs.map((c) => cn(c!)))) rel.dbName = co.name!;
      fks.push({ rel, con: co });
    } else if (co.type !== 't') late();
  }
  const icols = new Map<string, R[]>();
  for (const r of cat.indexColumns) (icols.get(r.oid!) ?? icols.set(r.oid!, []).get(r.oid!)!).push(r);
  // Indexes kept as their definition. A partitioned table's is created ON ONLY the table, as
  // pg_dump writes it, and its partitions' indexes attached to it afterwards (below).
  const keptRaw = new Map<R, LateRaw>();
  const keepIndex = (ix: R) => {
    if (ix.relkind === 'p') keptIndexes.add(ix.oid!);
    const raw = lateSql('index', ix.name!, '', ix.def, 'i', ix.oid!);
    keptRaw.set(ix, raw);
    lateRaw.push(raw);
  };
  const indexKey = (ix: R) => `${(relKey.get(ix.rel!) ?? '').replace(/"(?:[^"]|"")*"$/, '')}${q(ix.name!)}`;
  for (const ix of cat.indexes) {
    // Storage parameters of an index written from the model (or backing a key): set after it exists.
    const params = () => {
      const table = relKey.get(ix.rel!);
      if (ix.relopts && table) lateRaw.push({ kind: 'alter', name: ix.name!, text: `ALTER INDEX ${table.replace(/"(?:[^"]|"")*"$/, q(ix.name!))} SET (${storageParams(ix.relopts)})` });
    };
    if (ix.backs === 'true') {
      // A partitioned table's key index takes none afterwards: such a key is kept as SQL (above).
      if (ix.relkind !== 'p') params();
      continue;
    }
    const t = tables.get(ix.rel!);
    const parts = icols.get(ix.oid!) ?? [];
    const keys = (ix.keys ?? '').split(',');
    const options = (ix.options ?? '').split(',').map(Number);
    // Each key column in its own collation (its type's, or the one the column is declared with).
    const plainColl = (ix.colls ?? '').split(',').every((c, i) => c === '0' || c === '100' || c === collationOf.get(`${ix.rel}:${keys[i]}`));
    // Expression indexes stay SQL: Prisma has no way to write them (db pull leaves them out).
    // (Storage parameters cannot be set on a partitioned index afterwards: its definition carries them.)
    // So is a partitioned table's index left invalid (ON ONLY, not all its partitions' indexes attached).
    if (!t || ix.nkey !== ix.natts || !plainColl || ix.nnd === 'true' || ix.comment || parts.length !== Number(ix.nkey) || keys.includes('0') || (ix.relopts && ix.relkind === 'p') || ix.valid === 'false') {
      keepIndex(ix);
      continue;
    }
    const columns: IndexColumn[] = parts.map((p, k) => {
      const col = keys[k] !== '0' ? colByNum.get(`${ix.rel}:${keys[k]}`) : undefined;
      const desc = (options[k] & 1) === 1;
      const nullsFirst = (options[k] & 2) === 2;
      return {
        ...(col ? { column: col.id } : { expression: p.text! }),
        ...(desc ? { sort: 'desc' as const } : {}),
        ...(nullsFirst !== desc ? { nulls: nullsFirst ? ('first' as const) : ('last' as const) } : {}),
        ...(p.ops ? { ops: p.ops } : {}),
      };
    });
    const unique = ix.uniq === 'true';
    if (!prismaIndexable(ix.method!, columns, t)) {
      keepIndex(ix);
      continue;
    }
    const conv = indexName(dbn(t), columns.map((c) => (c.column ? cn(t.columns.find((x) => x.id === c.column)!) : 'expr')), unique);
    params();
    const index: Index = { id: ids('idx'), unique, columns, ...(ix.name !== conv ? { dbName: ix.name! } : {}) };
    if (ix.method !== 'btree') index.method = ix.method as IndexMethod;
    if (ix.pred) index.where = ix.pred;
    t.indexes.push(index);
    if (unique && !ix.pred && columns.every((c) => c.column)) (uniqueSets.get(t.id) ?? uniqueSets.set(t.id, new Set()).get(t.id)!).add(columns.map((c) => c.column).join());
  }
  const underModelled = (ix: R): boolean => {
    const parent = ix.parent ? indexByOid.get(ix.parent) : undefined;
    return !!parent && (!keptRaw.has(parent) || underModelled(parent));
  };
  for (const ix of cat.indexes) {
    const parent = ix.parent ? indexByOid.get(ix.parent) : undefined;
    if (parent && keptIndexes.has(parent.oid!)) lateRaw.push({ kind: 'index', name: ix.name!, text: `ALTER INDEX ${indexKey(parent)} ATTACH PARTITION ${indexKey(ix)}` });
    // A partition's index kept as SQL under a modelled parent index (created with its table, so
    // attaching the partition would make an index for it), or under such a kept one on a middle
    // level: created before the partitions are attached, which then attach it.
    if (keptRaw.has(ix) && underModelled(ix)) keptRaw.get(ix)!.kind = 'partition-index';
  }
  // Prisma's implicit many-to-many join tables (`_AToB`), read as the relations they are, as db pull
  // reads them.
  const implicit: ManyToManyRelation[] = [];
  for (const [oid, t] of tables) {
    const found = implicitManyToMany(doc, t, fks, lateRaw, ids);
    if (!found) continue;
    delete doc.tables[t.id];
    tables.delete(oid);
    for (const [key, x] of tableByKey) if (x === t) tableByKey.delete(key);
    for (const f of found.fks) fks.splice(fks.indexOf(f), 1);
    implicit.push(found.rel);
  }
  // Actions that are Prisma's defaults for the relation are left to them, as db pull leaves them out
  // (every DDL writes the defaults; see referentialActions).
  for (const { rel } of fks) {
    const cols = rel.from.columns.map((id) => doc.tables[rel.from.table].columns.find((c) => c.id === id)!);
    const defaults = referentialActions(doc, { ...rel, onDelete: undefined, onUpdate: undefined });
    // ON DELETE's default depends on whether the relation is optional, which mixed columns leave unsure.
    if (rel.onDelete === defaults.onDelete && cols.every((c) => mayBeNull(c) === mayBeNull(cols[0]))) delete rel.onDelete;
    if (rel.onUpdate === defaults.onUpdate) delete rel.onUpdate;
  }
  nameRelations(doc, fks.map((f) => f.rel), implicit, fieldScopes, uniqueSets);
  for (const { rel } of fks) doc.relations[rel.id] = rel;
  for (const rel of implicit) doc.relations[rel.id] = rel;
  // Like db pull: a model without a unique criterion of required, supported fields is `@@ignore`d,
  // and relation fields pointing to it are `@ignore`d.
  for (const t of tables.values()) {
    const usable = (id: string) => {
      const c = t.columns.find((x) => x.id === id);
      return !!c && !mayBeNull(c) && c.type.kind !== 'Unsupported';
    };
    const keyed = [...(uniqueSets.get(t.id) ?? [])].some((set) => set.split(',').every(usable));
    if (!keyed) t.ignored = true;
  }
  for (const { rel } of fks) {
    if (doc.tables[rel.to.table].ignored && rel.fromField && !doc.tables[rel.from.table].ignored) rel.fromField.ignored = true;
    if (doc.tables[rel.from.table].ignored && rel.toField && !doc.tables[rel.to.table].ignored) rel.toField.ignored = true;
  }
  return { doc, tableByKey, viewByKey, absorbedSequences, lateRaw, notNullArrays, partitionBy, partitionOf, unlogged, ownedSequences };
}

/**
 * Whether Prisma can declare an index of this method on these columns without an operator class it
 * does not know: GIN on Json and lists, BRIN on plain scalars; GiST and SP-GiST only with the
 * operator classes Prisma lists. Others are kept as SQL (still exported to PostgreSQL as written).
 */
function prismaIndexable(method: string, columns: IndexColumn[], t: Table): boolean {
  if (method === 'btree' || method === 'hash') return true;
  return columns.every((ic) => {
    const c = t.columns.find((x) => x.id === ic.column);
    if (!c || ic.ops) return false;
    if (method === 'gin') return c.type.kind === 'Json' || !!c.type.array;
    if (method === 'brin') return !c.type.array && ['Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'String', 'Bytes'].includes(c.type.kind) && !c.type.native;
    return false;
  });
}
