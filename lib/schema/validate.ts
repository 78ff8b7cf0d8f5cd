/**
 * Structural and referential validation of a SchemaDocument. Every problem names the JSON path of
 * the bad value, e.g. `tables.tbl_1.columns[2].type.kind: expected one of String, Int, ...`.
 */
import { ID_PATTERN } from './ids';
import { FORMAT_NAME, FORMAT_VERSION, type SchemaDocument } from './types';

export interface ValidationIssue {
  path: string;
  message: string;
}

export class DocumentValidationError extends Error {
  constructor(public readonly issues: ValidationIssue[]) {
    super(
      issues.length === 1
        ? `invalid document: ${issues[0].path}: ${issues[0].message}`
        : `invalid document (${issues.length} problems): ${issues
            .slice(0, 5)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; ')}${issues.length > 5 ? '; ...' : ''}`,
    );
    this.name = 'DocumentValidationError';
  }
}

const SCALARS = ['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes'];
const TYPE_KINDS = [...SCALARS, 'Enum', 'Unsupported', 'Composite'];
const PROVIDERS = ['postgresql', 'mysql', 'sqlite', 'sqlserver', 'cockroachdb', 'mongodb'];
const ACTIONS = ['cascade', 'restrict', 'no-action', 'set-null', 'set-default'];
const METHODS = ['btree', 'hash', 'gin', 'gist', 'spgist', 'brin', 'fulltext'];
const DEFAULT_KINDS = ['literal', 'enum', 'function', 'sql', 'list'];
const RAW_DIALECTS = ['prisma', 'postgresql', 'mysql', 'sqlite'];

type Obj = Record<string, unknown>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

class Checker {
  issues: ValidationIssue[] = [];

  fail(path: string, message: string): false {
    this.issues.push({ path, message });
    return false;
  }

  object(v: unknown, path: string): v is Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      return this.fail(path, `expected an object, got ${describe(v)}`);
    }
    return true;
  }

  array(v: unknown, path: string): v is unknown[] {
    return Array.isArray(v) || this.fail(path, `expected an array, got ${describe(v)}`);
  }

  string(o: Obj, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): void {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string') {
      this.fail(p, v === undefined ? 'is required (a string)' : `expected a string, got ${describe(v)}`);
    } else if (opts.nonEmpty && v.trim() === '') this.fail(p, 'must not be empty');
  }

  boolean(o: Obj, key: string, path: string, optional = true): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'boolean') this.fail(`${path}.${key}`, `expected true or false, got ${describe(v)}`);
  }

  number(o: Obj, key: string, path: string, optional = true): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(`${path}.${key}`, `expected a finite number, got ${describe(v)}`);
    }
  }

  oneOf(o: Obj, key: string, allowed: string[], path: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.fail(`${path}.${key}`, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
    }
  }

  /** A map keyed by id whose values carry the same id. */
  idMap(v: unknown, path: string, each: (item: Obj, path: string) => void): void {
    if (!this.object(v, path)) return;
    for (const [key, item] of Object.entries(v)) {
      const p = `${path}.${key}`;
      if (!ID_PATTERN.test(key)) this.fail(p, `"${key}" is not a valid id (expected prefix_suffix, e.g. tbl_a1b2)`);
      if (!this.object(item, p)) continue;
      if (item.id !== key) this.fail(`${p}.id`, `must equal its key "${key}", got ${describe(item.id)}`);
      each(item, p);
    }
  }
}

/** Returns every problem found; an empty list means the document is valid. */
export function validateDocument(input: unknown): ValidationIssue[] {
  const c = new Checker();
  if (!c.object(input, '$')) return c.issues;
  const doc = input;

  if (doc.format !== FORMAT_NAME) c.fail('format', `expected "${FORMAT_NAME}", got ${describe(doc.format)}`);
  if (doc.version !== FORMAT_VERSION) {
    c.fail('version', `expected ${FORMAT_VERSION} (migrate older documents first), got ${describe(doc.version)}`);
  }
  c.string(doc, 'id', '$', { nonEmpty: true });
  c.string(doc, 'name', '$');
  if (c.object(doc.settings, 'settings')) {
    c.oneOf(doc.settings, 'provider', PROVIDERS, 'settings');
    c.string(doc.settings, 'defaultNamespace', 'settings', { optional: true });
  }

  const allIds = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const prev = allIds.get(id);
    if (prev) c.fail(path, `duplicate id "${id}" (also used at ${prev})`);
    else allIds.set(id, path);
  };

  c.idMap(doc.namespaces, 'namespaces', (ns, p) => {
    claim(ns.id as string, p);
    c.string(ns, 'name', p, { nonEmpty: true });
  });
  const keysOf = (v: unknown) => new Set(typeof v === 'object' && v !== null ? Object.keys(v) : []);
  const namespaceIds = keysOf(doc.namespaces);
  const nsKnown = (id: unknown) => typeof id === 'string' && namespaceIds.has(id);

  const enumIds = keysOf(doc.enums);
  const columnsByTable = new Map<string, Set<string>>();
  /** A table's or view's column: its id, its name (unique among `names`), dbName and type; returns the id when valid. */
  const columnBasics = (col: Obj, cp: string, i: number, names: Map<string, number>): string | undefined => {
    let id: string | undefined;
    if (typeof col.id !== 'string' || !ID_PATTERN.test(col.id)) c.fail(`${cp}.id`, `expected an id, got ${describe(col.id)}`);
    else claim((id = col.id), cp);
    c.string(col, 'name', cp, { nonEmpty: true });
    if (typeof col.name === 'string') {
      const prev = names.get(col.name);
      if (prev !== undefined) c.fail(`${cp}.name`, `duplicate column name "${col.name}" (also columns[${prev}])`);
      else names.set(col.name, i);
    }
    c.string(col, 'dbName', cp, { optional: true, nonEmpty: true });
    checkType(c, col.type, `${cp}.type`, enumIds);
    return id;
  };

  c.idMap(doc.tables, 'tables', (t, p) => {
    claim(t.id as string, p);
    c.string(t, 'name', p, { nonEmpty: true });
    c.string(t, 'dbName', p, { optional: true, nonEmpty: true });
    c.string(t, 'comment', p, { optional: true });
    c.string(t, 'doc', p, { optional: true });
    c.boolean(t, 'ignored', p);
    if (t.namespace !== undefined && !nsKnown(t.namespace)) {
      c.fail(`${p}.namespace`, `refers to unknown namespace ${describe(t.namespace)}`);
    }
    const colIds = new Set<string>();
    const colNames = new Map<string, number>();
    if (c.array(t.columns, `${p}.columns`)) {
      t.columns.forEach((col, i) => {
        const cp = `${p}.columns[${i}]`;
        if (!c.object(col, cp)) return;
        const id = columnBasics(col, cp, i, colNames);
        if (id) colIds.add(id);
        c.string(col, 'comment', cp, { optional: true });
        c.string(col, 'doc', cp, { optional: true });
        c.boolean(col, 'nullable', cp, false);
        c.boolean(col, 'updatedAt', cp);
        c.boolean(col, 'ignored', cp);
        if (col.default !== undefined) checkDefault(c, col.default, `${cp}.default`);
        c.string(col, 'collation', cp, { optional: true, nonEmpty: true });
        if (col.identity !== undefined && c.object(col.identity, `${cp}.identity`)) {
          c.oneOf(col.identity, 'generation', ['always', 'by-default'], `${cp}.identity`);
        }
        if (col.generated !== undefined && c.object(col.generated, `${cp}.generated`)) {
          c.string(col.generated, 'expression', `${cp}.generated`, { nonEmpty: true });
          c.boolean(col.generated, 'stored', `${cp}.generated`, false);
        }
        if (col.identity !== undefined && col.default !== undefined) {
          c.fail(`${cp}.default`, 'an identity column cannot also have a default');
        }
      });
    }
    columnsByTable.set(t.id as string, colIds);
    const checkIndexColumns = (cols: unknown, ip: string) => {
      if (!c.array(cols, ip)) return;
      if (cols.length === 0) c.fail(ip, 'must list at least one column');
      cols.forEach((ic, j) => {
        const cp = `${ip}[${j}]`;
        if (!c.object(ic, cp)) return;
        if (ic.column === undefined && ic.expression === undefined) c.fail(cp, 'needs a column or an expression');
        if (ic.column !== undefined && !colIds.has(ic.column as string)) {
          c.fail(`${cp}.column`, `refers to a column not in this table: ${describe(ic.column)}`);
        }
        c.string(ic, 'expression', cp, { optional: true, nonEmpty: true });
        c.oneOf(ic, 'sort', ['asc', 'desc'], cp, true);
        c.number(ic, 'length', cp);
        c.string(ic, 'ops', cp, { optional: true });
      });
    };
    if (t.primaryKey !== undefined && c.object(t.primaryKey, `${p}.primaryKey`)) {
      c.string(t.primaryKey, 'dbName', `${p}.primaryKey`, { optional: true, nonEmpty: true });
      c.string(t.primaryKey, 'name', `${p}.primaryKey`, { optional: true, nonEmpty: true });
      checkIndexColumns(t.primaryKey.columns, `${p}.primaryKey.columns`);
    }
    if (c.array(t.indexes, `${p}.indexes`)) {
      t.indexes.forEach((ix, i) => {
        const ip = `${p}.indexes[${i}]`;
        if (!c.object(ix, ip)) return;
        if (typeof ix.id === 'string') claim(ix.id, ip);
        else c.fail(`${ip}.id`, `expected an id, got ${describe(ix.id)}`);
        c.boolean(ix, 'unique', ip, false);
        c.boolean(ix, 'constraint', ip);
        c.string(ix, 'dbName', ip, { optional: true, nonEmpty: true });
        c.string(ix, 'where', ip, { optional: true, nonEmpty: true });
        c.oneOf(ix, 'method', METHODS, ip, true);
        checkIndexColumns(ix.columns, `${ip}.columns`);
      });
    }
    if (c.array(t.checks, `${p}.checks`)) {
      t.checks.forEach((ck, i) => {
        const kp = `${p}.checks[${i}]`;
        if (!c.object(ck, kp)) return;
        if (typeof ck.id === 'string') claim(ck.id, kp);
        else c.fail(`${kp}.id`, `expected an id, got ${describe(ck.id)}`);
        c.string(ck, 'expression', kp, { nonEmpty: true });
      });
    }
  });

  c.idMap(doc.enums, 'enums', (e, p) => {
    claim(e.id as string, p);
    c.string(e, 'name', p, { nonEmpty: true });
    c.string(e, 'dbName', p, { optional: true, nonEmpty: true });
    if (e.namespace !== undefined && !nsKnown(e.namespace)) {
      c.fail(`${p}.namespace`, `refers to unknown namespace ${describe(e.namespace)}`);
    }
    if (c.array(e.values, `${p}.values`)) {
      const names = new Set<string>();
      e.values.forEach((v, i) => {
        const vp = `${p}.values[${i}]`;
        if (!c.object(v, vp)) return;
        if (typeof v.id === 'string') claim(v.id, vp);
        else c.fail(`${vp}.id`, `expected an id, got ${describe(v.id)}`);
        c.string(v, 'name', vp, { nonEmpty: true });
        if (typeof v.name === 'string') {
          if (names.has(v.name)) c.fail(`${vp}.name`, `duplicate enum value "${v.name}"`);
          names.add(v.name);
        }
      });
    }
  });

  const tableKnown = (id: unknown, path: string) =>
    columnsByTable.has(id as string) || c.fail(path, `refers to unknown table ${describe(id)}`);

  c.idMap(doc.relations, 'relations', (r, p) => {
    claim(r.id as string, p);
    c.oneOf(r, 'kind', ['foreign-key', 'many-to-many'], p);
    if (r.kind === 'foreign-key') {
      for (const side of ['from', 'to'] as const) {
        const sp = `${p}.${side}`;
        const s = r[side];
        if (!c.object(s, sp)) continue;
        if (!tableKnown(s.table, `${sp}.table`)) continue;
        if (!c.array(s.columns, `${sp}.columns`)) continue;
        if (s.columns.length === 0) c.fail(`${sp}.columns`, 'must list at least one column');
        const cols = columnsByTable.get(s.table as string)!;
        s.columns.forEach((col, i) => {
          if (!cols.has(col as string)) c.fail(`${sp}.columns[${i}]`, `refers to a column not in table ${s.table}: ${describe(col)}`);
        });
      }
      const from = r.from as Obj | undefined;
      const to = r.to as Obj | undefined;
      if (Array.isArray(from?.columns) && Array.isArray(to?.columns) && from.columns.length !== to.columns.length) {
        c.fail(`${p}.to.columns`, `has ${to.columns.length} columns but from.columns has ${from.columns.length}`);
      }
      c.oneOf(r, 'onDelete', ACTIONS, p, true);
      c.oneOf(r, 'onUpdate', ACTIONS, p, true);
      c.oneOf(r, 'deferrable', ['immediate', 'deferred'], p, true);
      for (const f of ['fromField', 'toField']) {
        if (r[f] !== undefined && c.object(r[f], `${p}.${f}`)) c.string(r[f] as Obj, 'name', `${p}.${f}`, { nonEmpty: true });
      }
    } else if (r.kind === 'many-to-many') {
      for (const side of ['a', 'b'] as const) {
        const sp = `${p}.${side}`;
        const s = r[side];
        if (!c.object(s, sp)) continue;
        tableKnown(s.table, `${sp}.table`);
        if (c.object(s.field, `${sp}.field`)) c.string(s.field, 'name', `${sp}.field`, { nonEmpty: true });
      }
    }
  });

  c.idMap(doc.views, 'views', (v, p) => {
    claim(v.id as string, p);
    c.string(v, 'name', p, { nonEmpty: true });
    c.string(v, 'definition', p, { optional: true });
    c.string(v, 'prismaBody', p, { optional: true });
    if (v.columns === undefined || !c.array(v.columns, `${p}.columns`)) return;
    const names = new Map<string, number>();
    v.columns.forEach((col, i) => {
      const cp = `${p}.columns[${i}]`;
      if (c.object(col, cp)) columnBasics(col, cp, i, names);
    });
  });

  c.idMap(doc.raw, 'raw', (r, p) => {
    claim(r.id as string, p);
    c.oneOf(r, 'dialect', RAW_DIALECTS, p);
    c.string(r, 'kind', p, { nonEmpty: true });
    c.string(r, 'text', p);
  });

  if (c.object(doc.layout, 'layout')) {
    const layout = doc.layout;
    if (c.object(layout.nodes, 'layout.nodes')) {
      for (const [key, node] of Object.entries(layout.nodes)) {
        const np = `layout.nodes.${key}`;
        if (!allIds.has(key)) c.fail(np, `positions an unknown object "${key}"`);
        if (!c.object(node, np)) continue;
        c.number(node, 'x', np, false);
        c.number(node, 'y', np, false);
        c.number(node, 'width', np);
        c.number(node, 'height', np);
        c.string(node, 'color', np, { optional: true });
      }
    }
    c.idMap(layout.groups, 'layout.groups', (g, p) => {
      c.string(g, 'name', p);
      c.string(g, 'color', p);
      if (c.array(g.tableIds, `${p}.tableIds`)) {
        g.tableIds.forEach((id, i) => tableKnown(id, `${p}.tableIds[${i}]`));
      }
    });
    c.idMap(layout.notes, 'layout.notes', (n, p) => {
      c.string(n, 'text', p);
      for (const k of ['x', 'y', 'width', 'height']) c.number(n, k, p, false);
    });
  }
  c.object(doc.sources, 'sources');
  return c.issues;
}

function checkType(c: Checker, type: unknown, path: string, enumIds: Set<string>): void {
  if (!c.object(type, path)) return;
  c.oneOf(type, 'kind', TYPE_KINDS, path);
  c.boolean(type, 'array', path);
  if (type.kind === 'Enum') {
    if (typeof type.enumId !== 'string') c.fail(`${path}.enumId`, 'is required for an Enum column');
    else if (!enumIds.has(type.enumId)) c.fail(`${path}.enumId`, `refers to unknown enum "${type.enumId}"`);
  }
  if (type.kind === 'Unsupported') c.string(type, 'unsupported', path, { nonEmpty: true });
  c.string(type, 'domain', path, { optional: true, nonEmpty: true });
  c.boolean(type, 'domainNotNull', path);
  if (type.native !== undefined && c.object(type.native, `${path}.native`)) {
    c.string(type.native, 'name', `${path}.native`, { nonEmpty: true });
    if (c.array(type.native.args, `${path}.native.args`)) {
      type.native.args.forEach((a, i) => {
        if (typeof a !== 'string') c.fail(`${path}.native.args[${i}]`, `expected a string, got ${describe(a)}`);
      });
    }
  }
}

function checkDefault(c: Checker, d: unknown, path: string): void {
  if (!c.object(d, path)) return;
  c.oneOf(d, 'kind', DEFAULT_KINDS, path);
  c.string(d, 'postgres', path, { optional: true, nonEmpty: true });
  switch (d.kind) {
    case 'literal':
      if (!['string', 'number', 'boolean'].includes(typeof d.value)) {
        c.fail(`${path}.value`, `expected a string, number or boolean, got ${describe(d.value)}`);
      }
      break;
    case 'enum':
      c.string(d, 'value', path, { nonEmpty: true });
      break;
    case 'function':
      c.string(d, 'name', path, { nonEmpty: true });
      if (c.array(d.args, `${path}.args`)) {
        d.args.forEach((a, i) => typeof a !== 'string' && c.fail(`${path}.args[${i}]`, `expected a string, got ${describe(a)}`));
      }
      break;
    case 'sql':
      c.string(d, 'expression', path);
      break;
    case 'list':
      c.array(d.values, `${path}.values`);
      break;
  }
}

/** Throws DocumentValidationError unless the document is valid. */
export function assertValidDocument(input: unknown): asserts input is SchemaDocument {
  const issues = validateDocument(input);
  if (issues.length) throw new DocumentValidationError(issues);
}
