/** Pairs relation fields across models into foreign-key and implicit many-to-many relations. */
import type { Diagnostic } from '../schema/diagnostics';
import type { IdGenerator } from '../schema/ids';
import type { ForeignKeyRelation, ManyToManyRelation, RelationField, SchemaDocument, Table } from '../schema/types';
import type { Attr } from './lexer';
import { actionArg, argValue, listNames, strArg } from './parse-attrs';
import type { PendingRelation } from './import-block';

interface Info {
  p: PendingRelation;
  rel?: Attr;
  name?: string;
  fields?: string[];
  references?: string[];
  others: string[];
  ignored: boolean;
  ok: boolean;
}

const REL_KEYS = new Set(['name', 'fields', 'references', 'onDelete', 'onUpdate', 'map']);

function info(p: PendingRelation): Info {
  const rel = p.fl.attrs.find((a) => a.name === 'relation');
  const others: string[] = [];
  let ignored = false;
  let ok = true;
  for (const a of p.fl.attrs) {
    if (a === rel) continue;
    if (a.name === 'ignore' && !a.args && !ignored) ignored = true;
    else others.push(a.text);
  }
  if (rel?.args?.some((x, i) => (x.key ? !REL_KEYS.has(x.key) : i > 0))) ok = false;
  const fieldsV = argValue(rel?.args ?? null, 'fields');
  const refsV = argValue(rel?.args ?? null, 'references');
  const fields = listNames(fieldsV);
  const references = listNames(refsV);
  if ((fieldsV && !fields) || (refsV && !references) || !!fields !== !!references) ok = false;
  return { p, rel, name: strArg(rel?.args ?? null, 'name', 0), fields, references, others, ignored, ok };
}

function field(i: Info): RelationField {
  const f: RelationField = { name: i.p.fl.name };
  if (i.p.fl.list) f.list = true;
  if (i.p.fl.optional) f.optional = true;
  if (i.p.doc !== undefined) f.doc = i.p.doc;
  if (i.ignored) f.ignored = true;
  return f;
}

function claim(i: Info, key: string): void {
  Object.assign(i.p.line, { k: 'item', key, fp: '' });
  if (i.others.length || i.p.fl.comment) {
    i.p.rec.extras[key] = { ...(i.others.length ? { attrs: i.others } : {}), ...(i.p.fl.comment ? { comment: i.p.fl.comment } : {}) };
  }
  i.p.used = true;
}

export function pairRelations(
  pending: PendingRelation[],
  doc: SchemaDocument,
  tables: Map<string, Table>,
  ids: IdGenerator,
  diagnostics: Diagnostic[],
  files: Map<PendingRelation, string>,
  virtual: boolean,
): void {
  const infos = pending.map(info);
  const byModel = new Map<string, Info[]>();
  for (const i of infos) {
    const list = byModel.get(i.p.model) ?? [];
    list.push(i);
    byModel.set(i.p.model, list);
  }
  const partner = (i: Info, withFields: boolean) =>
    (byModel.get(i.p.fl.baseType) ?? []).find(
      (q) => q !== i && !q.p.used && q.ok && q.p.fl.baseType === i.p.model && q.name === i.name && !!q.fields === withFields,
    );
  const colIds = (t: Table | undefined, names: string[]) => {
    const out = names.map((n) => t?.columns.find((c) => c.name === n)?.id);
    return out.every((x): x is string => !!x) && out.length ? out : undefined;
  };
  for (const i of infos) {
    if (!i.ok || !i.fields || i.p.used) continue;
    const fromT = tables.get(i.p.model);
    const toT = tables.get(i.p.fl.baseType);
    const from = colIds(fromT, i.fields);
    const to = colIds(toT, i.references!);
    const onDelete = actionArg(i.rel!.args, 'onDelete');
    const onUpdate = actionArg(i.rel!.args, 'onUpdate');
    if (!from || !to || !fromT || !toT || onDelete === null || onUpdate === null) continue;
    const back = partner(i, false);
    const id = ids('rel');
    const r: ForeignKeyRelation = { id, kind: 'foreign-key', from: { table: fromT.id, columns: from }, to: { table: toT.id, columns: to } };
    if (i.name) r.name = i.name;
    const map = strArg(i.rel!.args, 'map');
    if (map) r.dbName = map;
    if (onDelete) r.onDelete = onDelete;
    if (onUpdate) r.onUpdate = onUpdate;
    r.fromField = field(i);
    claim(i, `r:${id}:from`);
    if (back) {
      r.toField = field(back);
      claim(back, `r:${id}:to`);
    }
    if (virtual) r.virtual = true;
    doc.relations[id] = r;
  }
  for (const i of infos) {
    if (!i.ok || i.fields || i.p.used || !i.p.fl.list) continue;
    const other = partner(i, false);
    if (!other || !other.p.fl.list) continue;
    const id = ids('rel');
    const r: ManyToManyRelation = {
      id,
      kind: 'many-to-many',
      a: { table: tables.get(i.p.model)!.id, field: field(i) },
      b: { table: tables.get(other.p.model)!.id, field: field(other) },
    };
    if (i.name) r.name = i.name;
    if (virtual) r.virtual = true;
    claim(i, `r:${id}:a`);
    claim(other, `r:${id}:b`);
    doc.relations[id] = r;
  }
  for (const i of infos) {
    if (i.p.used) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'prisma/unpaired-relation',
      message: `relation field ${i.p.model}.${i.p.fl.name} could not be matched to a relation; kept as text`,
      file: files.get(i.p),
      line: i.p.lineNo,
    });
  }
}
