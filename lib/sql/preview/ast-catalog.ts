/**
 * Builds the rows the catalog reader would return (catalog-read.ts) from PostgreSQL's parse tree
 * of a script, without running it: what PostgreSQL *would* create for schemas, enums, tables,
 * columns, keys, foreign keys, checks, indexes and comments, named as PostgreSQL names them.
 * The same `catalogToDocument` then turns them into a document, so a preview has the names the
 * real import will have. Anything this does not follow (functions, domains, partitions, ...) only
 * shows up once PostgreSQL has run the script.
 */
import type { R, RawCatalog } from '../import/catalog-read';
import { charIndexer, type PgNode } from './pg-query';

type N = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SERIALS: Record<string, string> = { serial: 'int4', serial4: 'int4', bigserial: 'int8', serial8: 'int8', smallserial: 'int2', serial2: 'int2' };
const FORMAT: Record<string, string> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', bool: 'boolean', float4: 'real', float8: 'double precision',
  varchar: 'character varying', bpchar: 'character', varbit: 'bit varying',
};
const TIMES: Record<string, [string, string]> = {
  timestamp: ['timestamp', 'without time zone'], timestamptz: ['timestamp', 'with time zone'],
  time: ['time', 'without time zone'], timetz: ['time', 'with time zone'],
};
/** Built-in types a script may name without pg_catalog (keywords such as integer come qualified from the parser). */
const BUILT_IN = new Set([
  'text', 'uuid', 'json', 'jsonb', 'bytea', 'date', 'money', 'inet', 'cidr', 'macaddr', 'macaddr8', 'xml', 'point', 'line', 'lseg', 'box', 'path',
  'polygon', 'circle', 'tsvector', 'tsquery', 'int2', 'int4', 'int8', 'float4', 'float8', 'bool', 'oid', 'name', 'timestamptz', 'timetz', 'varbit',
  'bpchar', 'varchar', 'numeric', 'time', 'timestamp', 'interval', 'bit', 'char', 'regclass', 'regtype', 'pg_lsn', 'int4range', 'int8range',
  'numrange', 'tsrange', 'tstzrange', 'daterange', 'int4multirange', 'int8multirange', 'nummultirange', 'tsmultirange', 'tstzmultirange', 'datemultirange',
  'jsonpath', 'xid', 'xid8', 'cid', 'tid', 'pg_snapshot', 'txid_snapshot', 'refcursor', 'regproc', 'regprocedure', 'regoper', 'regoperator', 'regrole',
  'regnamespace', 'regconfig', 'regdictionary', 'regcollation', 'oidvector', 'int2vector', 'aclitem',
]);
const ACTION: Record<string, string> = { a: 'a', r: 'r', c: 'c', n: 'n', d: 'd' };

const str = (n: N | undefined): string => n?.String?.sval ?? '';
const names = (list: N[] | undefined): string[] => (list ?? []).map(str);
const intOf = (n: N | undefined): number | undefined => {
  const c = n?.A_Const;
  if (!c) return undefined;
  if (c.ival) return c.ival.ival ?? 0;
  return undefined;
};
const simpleIdent = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

/** `given` (recorded as taken), else the first `name1_name2_label[N]` not in `used` (recorded). */
function pickName(used: Set<string>, given: string | undefined, name1: string, name2: string | undefined, label: string): string {
  let name = given ?? objectName(name1, name2, label);
  for (let i = 1; !given && used.has(name); i++) name = objectName(name1, name2, `${label}${i}`);
  used.add(name);
  return name;
}

/** PostgreSQL's makeObjectName: `name1_name2_label`, shortened to fit 63 bytes. */
export function objectName(name1: string, name2: string | undefined, label: string): string {
  let n1 = name1;
  let n2 = name2 ?? '';
  const overhead = label.length + 1 + (name2 !== undefined ? 1 : 0);
  const avail = 63 - overhead;
  while (n1.length + n2.length > avail) {
    if (n1.length > n2.length) n1 = n1.slice(0, -1);
    else n2 = n2.slice(0, -1);
  }
  return name2 !== undefined ? `${n1}_${n2}_${label}` : `${n1}_${label}`;
}

interface TypeRow {
  type: string;
  typname: string;
  typid: string;
  typtype: string;
  ndims: number;
  serial?: boolean;
  /** A domain's base type. */
  domain?: TypeRow;
  /** The domain itself: whether it is NOT NULL is read when the script has run (ALTER DOMAIN can change it). */
  domainOf?: Domain;
}

interface Domain {
  oid: string;
  schema: string;
  name: string;
  base: TypeRow;
  notNull: boolean;
}

interface Rel {
  oid: string;
  schema: string;
  name: string;
  cols: Map<string, R>;
  /** Constraint and index names used on this table. */
  conNames: Set<string>;
  /** Attribute numbers handed out (dropped columns keep theirs). */
  attnums: number;
  /** The primary key's column names (what `REFERENCES t` without columns means). */
  primaryKey?: string[];
}

/** Converts a parse tree to catalog rows. `src` is the parsed text (to quote expressions from). */
export class AstCatalog {
  private oid = 16384;
  private searchPath = ['public'];
  private readonly rels = new Map<string, Rel>();
  private readonly enums = new Map<string, { oid: string; schema: string; name: string }>();
  private readonly domains = new Map<string, Domain>();
  /** Columns of a domain type (not arrays of one), whose NOT NULL is the domain's once the script has run. */
  private readonly domainColumns: { row: R; domain: Domain }[] = [];
  /** Relation-namespace names (tables, indexes, sequences) per schema, for PostgreSQL's de-duplication. */
  private readonly relNames = new Map<string, Set<string>>();
  private readonly pendingFks: { rel: Rel; con: N; attrs: string[] }[] = [];
  readonly cat: RawCatalog = { schemas: [], extensions: [], relations: [], columns: [], constraints: [], indexes: [], indexColumns: [], enums: [], serials: [], deps: [] };
  private src = '';
  /** Character index of a UTF-8 byte offset in the current text. */
  private at: (byte: number) => number = (byte) => byte;

  constructor() {
    this.addSchema('public');
  }

  private next(): string {
    return String(this.oid++);
  }

  private addSchema(name: string) {
    if (this.cat.schemas.some((s) => s.name === name)) return;
    this.cat.schemas.push({ oid: this.next(), name, comment: null });
  }

  /** Feeds one parsed text (its statements in order). */
  add(src: string, stmts: { stmt: PgNode }[]): void {
    this.src = src;
    this.at = charIndexer(src);
    for (const { stmt } of stmts) {
      const [kind, node] = Object.entries(stmt)[0] as [string, N];
      try {
        this.statement(kind, node);
      } catch {
        // A statement this preview does not follow: PostgreSQL's run decides.
      }
    }
  }

  /** Finishes foreign keys (their targets may come later in the script) and returns the rows. */
  finish(): RawCatalog {
    for (const { rel, con, attrs } of this.pendingFks) this.foreignKey(rel, con, attrs);
    this.pendingFks.length = 0;
    for (const { row, domain } of this.domainColumns) row.domnotnull = String(domain.notNull);
    return this.cat;
  }

  private statement(kind: string, n: N) {
    switch (kind) {
      case 'CreateSchemaStmt':
        if (n.schemaname) this.addSchema(n.schemaname);
        if (n.schemaElts?.length) {
          // Elements of CREATE SCHEMA ... CREATE TABLE ... are created in that schema.
          const saved = this.searchPath;
          this.searchPath = [n.schemaname];
          try {
            for (const el of n.schemaElts) {
              const [k, v] = Object.entries(el as N)[0] as [string, N];
              this.statement(k, v);
            }
          } finally {
            this.searchPath = saved;
          }
        }
        return;
      case 'VariableSetStmt':
        if (n.name === 'search_path') {
          const list = (n.args ?? []).map((a: N) => a.A_Const?.sval?.sval ?? str(a)).filter((s: string) => s && s !== '$user');
          this.searchPath = n.kind === 'VAR_SET_VALUE' && list.length ? list : ['public'];
        }
        return;
      case 'CreateEnumStmt': {
        const path = names(n.typeName);
        const schema = path.length > 1 ? path[0] : this.searchPath[0];
        const name = path.at(-1)!;
        const e = { oid: this.next(), schema, name };
        this.enums.set(`${schema}.${name}`, e);
        for (const v of n.vals ?? []) this.cat.enums.push({ oid: e.oid, schema, name, label: str(v), comment: null });
        return;
      }
      case 'CreateDomainStmt': {
        const path = names(n.domainname);
        const schema = path.length > 1 ? path[0] : this.searchPath[0];
        const base = this.type(n.typeName);
        if (base.serial) return;
        const notNull = (n.constraints ?? []).some((c: N) => (c.Constraint as N)?.contype === 'CONSTR_NOTNULL');
        this.domains.set(`${schema}.${path.at(-1)!}`, { oid: this.next(), schema, name: path.at(-1)!, base, notNull });
        return;
      }
      case 'AlterDomainStmt': {
        // SET NOT NULL (O) and DROP NOT NULL (N): what the domain's columns read once the script has run.
        const d = this.findDomain(names(n.typeName));
        if (d && (n.subtype === 'O' || n.subtype === 'N')) d.notNull = n.subtype === 'O';
        return;
      }
      case 'CreateStmt':
        return this.createTable(n);
      case 'ViewStmt': {
        const schema = n.view.schemaname ?? this.searchPath[0];
        this.claimRelName(schema, n.view.relname);
        this.cat.relations.push({ oid: this.next(), schema, name: n.view.relname, kind: 'v', comment: null, definition: null, partition: 'false', partkey: null, bound: null, parent: null });
        return;
      }
      case 'AlterTableStmt': {
        if (n.objtype !== 'OBJECT_TABLE') return;
        const rel = this.findRel(n.relation);
        if (!rel) return;
        for (const c of n.cmds ?? []) this.alter(rel, c.AlterTableCmd);
        return;
      }
      case 'IndexStmt':
        return this.index(n);
      case 'CommentStmt':
        return this.comment(n);
      case 'RenameStmt':
        return this.rename(n);
    }
  }

  private findDomain(path: string[]): Domain | undefined {
    if (path.length > 1) return this.domains.get(`${path.at(-2)}.${path.at(-1)}`);
    for (const s of this.searchPath) {
      const d = this.domains.get(`${s}.${path[0]}`);
      if (d) return d;
    }
    return undefined;
  }

  private findRel(rv: N): Rel | undefined {
    if (rv.schemaname) return this.rels.get(`${rv.schemaname}.${rv.relname}`);
    for (const s of this.searchPath) {
      const r = this.rels.get(`${s}.${rv.relname}`);
      if (r) return r;
    }
    return undefined;
  }

  /** The relation names taken in a schema. */
  private relNamesOf(schema: string): Set<string> {
    return this.relNames.get(schema) ?? this.relNames.set(schema, new Set()).get(schema)!;
  }

  private claimRelName(schema: string, name: string): string {
    this.relNamesOf(schema).add(name);
    return name;
  }

  /** PostgreSQL's ChooseRelationName: the given name, else the first free `name1_name2_label[N]` in the schema. */
  private chooseRelName(given: string | undefined, schema: string, name1: string, name2: string | undefined, label: string): string {
    return pickName(this.relNamesOf(schema), given, name1, name2, label);
  }

  /** The given constraint name, else the first free `table_name2_label[N]` among the table's constraints. */
  private chooseConName(given: string | undefined, rel: Rel, name2: string | undefined, label: string): string {
    return pickName(rel.conNames, given, rel.name, name2, label);
  }

  private createTable(n: N) {
    // A temporary table is not imported.
    if (n.relation.relpersistence === 't' || /^pg_temp(_\d+)?$/.test(n.relation.schemaname ?? '')) return;
    const schema = n.relation.schemaname ?? this.searchPath[0];
    const name = n.relation.relname as string;
    this.claimRelName(schema, name);
    const rel: Rel = { oid: this.next(), schema, name, cols: new Map(), conNames: new Set(), attnums: 0 };
    this.rels.set(`${schema}.${name}`, rel);
    this.cat.relations.push({ oid: rel.oid, schema, name, kind: 'r', comment: null, definition: null, partition: 'false', partkey: null, bound: null, parent: null, persistence: n.relation.relpersistence === 'u' ? 'u' : 'p' });
    const later: N[] = [];
    for (const el of n.tableElts ?? []) {
      if (el.ColumnDef) this.column(rel, el.ColumnDef, later);
      else if (el.Constraint) later.push(el.Constraint);
    }
    for (const con of later) this.constraint(rel, con);
  }

  private column(rel: Rel, cd: N, later: N[]) {
    const num = ++rel.attnums;
    const t = this.type(cd.typeName);
    const row: R = {
      rel: rel.oid, num: String(num), name: cd.colname, type: t.type, typid: t.typid, typtype: t.typtype, typname: t.typname, ndims: String(t.ndims),
      cat: t.ndims ? 'A' : 'N', elemname: t.ndims ? t.typname : null, elemtype: t.ndims ? t.typtype : null, basetypid: t.typid,
      notnull: 'false', def: null, ident: '', gen: '', comment: null, coll: null,
      ...(t.domain && !t.ndims ? { domtype: t.domain.type, domtypname: t.domain.typname, domtyptype: t.domain.typtype, domcat: t.domain.ndims ? 'A' : 'N', domnotnull: 'false' } : {}),
    };
    if (t.domainOf && !t.ndims) this.domainColumns.push({ row, domain: t.domainOf });
    rel.cols.set(cd.colname, row);
    this.cat.columns.push(row);
    if (t.serial) {
      const seq = this.chooseRelName(undefined, rel.schema, rel.name, cd.colname, 'seq');
      row.def = `nextval('${simpleIdent(rel.schema)}.${simpleIdent(seq)}'::regclass)`;
      row.notnull = 'true';
      this.cat.serials.push({ rel: rel.oid, num: String(num), schema: rel.schema, name: seq, typid: t.typid, plain: 'true', deptype: 'a', start: '1', inc: '1' });
    }
    /** The key or foreign key a DEFERRABLE / INITIALLY DEFERRED after it applies to (as PostgreSQL reads a column's constraints). */
    let keyBefore: N | undefined;
    for (const c of cd.constraints ?? []) {
      const con = c.Constraint as N;
      // Only right after its key (PostgreSQL refuses one anywhere else).
      if (!/^CONSTR_(ATTR_|PRIMARY|UNIQUE|FOREIGN)/.test(con.contype)) keyBefore = undefined;
      switch (con.contype) {
        case 'CONSTR_ATTR_DEFERRABLE':
        case 'CONSTR_ATTR_NOT_DEFERRABLE':
          if (keyBefore) keyBefore.deferrable = con.contype === 'CONSTR_ATTR_DEFERRABLE';
          break;
        case 'CONSTR_ATTR_DEFERRED':
        case 'CONSTR_ATTR_IMMEDIATE':
          if (!keyBefore) break;
          keyBefore.initdeferred = con.contype === 'CONSTR_ATTR_DEFERRED';
          // INITIALLY DEFERRED is DEFERRABLE unless it says NOT DEFERRABLE (which PostgreSQL refuses).
          if (keyBefore.initdeferred) keyBefore.deferrable = true;
          break;
        case 'CONSTR_NOTNULL':
          row.notnull = 'true';
          break;
        case 'CONSTR_NULL':
          row.notnull = 'false';
          break;
        case 'CONSTR_DEFAULT':
          // PostgreSQL prints a domain column's default cast to the domain's base type.
          row.def = this.expr(con.raw_expr, t.domain ?? t);
          break;
        case 'CONSTR_IDENTITY':
          row.ident = con.generated_when === 'a' ? 'a' : 'd';
          row.notnull = 'true';
          break;
        case 'CONSTR_GENERATED':
          row.gen = 's';
          row.def = this.slice(con.raw_expr);
          break;
        case 'CONSTR_PRIMARY':
        case 'CONSTR_UNIQUE':
          later.push((keyBefore = { ...con, keys: [{ String: { sval: cd.colname } }] }));
          break;
        case 'CONSTR_FOREIGN':
          later.push((keyBefore = { ...con, fk_attrs: [{ String: { sval: cd.colname } }] }));
          break;
        case 'CONSTR_CHECK':
          later.push({ ...con, column: cd.colname });
          break;
      }
    }
  }

  private alter(rel: Rel, cmd: N) {
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        return this.column(rel, cmd.def.ColumnDef, []);
      case 'AT_AddConstraint':
        return this.constraint(rel, cmd.def.Constraint);
      case 'AT_ColumnDefault': {
        const col = rel.cols.get(cmd.name);
        if (col) col.def = cmd.def ? this.expr(cmd.def, { type: col.type!, typname: col.typname! }) : null;
        return;
      }
      case 'AT_DropColumn': {
        const col = rel.cols.get(cmd.name);
        if (!col) return;
        rel.cols.delete(cmd.name);
        if (rel.primaryKey?.includes(cmd.name)) rel.primaryKey = undefined;
        const uses = (list: string | null | undefined) => (list ?? '').split(',').includes(col.num!);
        const drop = <T extends R>(rows: T[], keep: (r: T) => boolean) => rows.splice(0, rows.length, ...rows.filter(keep));
        drop(this.cat.columns, (c) => c !== col);
        drop(this.cat.constraints, (c) => !(c.rel === rel.oid && uses(c.cols)) && !(c.frel === rel.oid && uses(c.fcols)));
        drop(this.cat.indexes, (ix) => !(ix.rel === rel.oid && uses(ix.keys)));
        drop(this.cat.serials, (sr) => !(sr.rel === rel.oid && sr.num === col.num));
        return;
      }
      case 'AT_SetNotNull':
      case 'AT_DropNotNull': {
        const col = rel.cols.get(cmd.name);
        if (col) col.notnull = String(cmd.subtype === 'AT_SetNotNull');
        return;
      }
    }
  }

  private constraint(rel: Rel, con: N) {
    const keys = names(con.keys);
    switch (con.contype) {
      case 'CONSTR_PRIMARY':
      case 'CONSTR_UNIQUE': {
        const primary = con.contype === 'CONSTR_PRIMARY';
        const cols = keys.map((k) => rel.cols.get(k));
        if (!cols.every(Boolean)) return;
        if (primary) {
          for (const c of cols) c!.notnull = 'true';
          rel.primaryKey = keys;
        }
        const name = this.chooseRelName(con.conname, rel.schema, rel.name, primary ? undefined : keys.join('_'), primary ? 'pkey' : 'key');
        const include = names(con.including);
        rel.conNames.add(name);
        this.cat.constraints.push({
          oid: this.next(), rel: rel.oid, name, type: primary ? 'p' : 'u', cols: cols.map((c) => c!.num).join(','), frel: '0', fcols: null,
          upd: ' ', del: ' ', match: ' ', deferrable: String(!!con.deferrable), deferred: String(!!con.initdeferred), valid: 'true', indid: '0', incl: String(include.length > 0),
          def: `${primary ? 'PRIMARY KEY' : 'UNIQUE'}${con.nulls_not_distinct ? ' NULLS NOT DISTINCT' : ''} (${keys.map(simpleIdent).join(', ')})${include.length ? ` INCLUDE (${include.map(simpleIdent).join(', ')})` : ''}`, comment: null,
        });
        return;
      }
      case 'CONSTR_FOREIGN':
        this.pendingFks.push({ rel, con, attrs: names(con.fk_attrs) });
        return;
      case 'CONSTR_CHECK': {
        const first = con.column ?? firstColumnRef(con.raw_expr);
        const name = this.chooseConName(con.conname, rel, first, 'check');
        this.cat.constraints.push({
          oid: this.next(), rel: rel.oid, name, type: 'c', cols: first && rel.cols.get(first) ? rel.cols.get(first)!.num : '', frel: '0', fcols: null,
          upd: ' ', del: ' ', match: ' ', deferrable: 'false', valid: String(!con.skip_validation), indid: '0',
          def: `CHECK (${this.slice(con.raw_expr, false)})${con.is_no_inherit ? ' NO INHERIT' : ''}`, comment: null,
        });
        return;
      }
    }
  }

  private foreignKey(rel: Rel, con: N, attrs: string[]) {
    const target = this.findRel(con.pktable);
    if (!target) return;
    const pk = con.pk_attrs?.length ? names(con.pk_attrs) : target.primaryKey;
    if (!pk) return;
    const from = attrs.map((a) => rel.cols.get(a));
    const to = pk.map((a) => target.cols.get(a));
    if (!from.every(Boolean) || !to.every(Boolean)) return;
    const name = this.chooseConName(con.conname, rel, attrs.join('_'), 'fkey');
    this.cat.constraints.push({
      oid: this.next(), rel: rel.oid, name, type: 'f', cols: from.map((c) => c!.num).join(','), frel: target.oid, fcols: to.map((c) => c!.num).join(','),
      upd: ACTION[con.fk_upd_action] ?? 'a', del: ACTION[con.fk_del_action] ?? 'a', match: con.fk_matchtype ?? 's', deferrable: String(!!con.deferrable),
      deferred: String(!!con.initdeferred), valid: String(!con.skip_validation), indid: '0',
      def: `FOREIGN KEY (${attrs.map(simpleIdent).join(', ')}) REFERENCES ${simpleIdent(target.schema)}.${simpleIdent(target.name)}(${pk.map(simpleIdent).join(', ')})`, comment: null,
    });
  }

  private index(n: N) {
    const rel = this.findRel(n.relation);
    if (!rel) return;
    const params: N[] = (n.indexParams ?? []).map((p: N) => p.IndexElem);
    const colNames = params.map((p) => p.name ?? 'expr');
    const name = this.chooseRelName(n.idxname, rel.schema, rel.name, colNames.join('_'), n.primary ? 'pkey' : n.isconstraint ? 'key' : 'idx');
    const oid = this.next();
    const keys = params.map((p) => (p.name ? rel.cols.get(p.name)?.num ?? '0' : '0'));
    const options = params.map((p) => {
      const desc = p.ordering === 'SORTBY_DESC';
      const nullsFirst = p.nulls_ordering === 'SORTBY_NULLS_FIRST' || (desc && p.nulls_ordering !== 'SORTBY_NULLS_LAST');
      return (desc ? 1 : 0) | (nullsFirst ? 2 : 0);
    });
    const natts = params.length + (n.indexIncludingParams?.length ?? 0);
    const method = n.accessMethod ?? 'btree';
    const text = (p: N) => (p.name ? simpleIdent(p.name) : `(${this.slice(p.expr, false)})`);
    const def = `CREATE ${n.unique ? 'UNIQUE ' : ''}INDEX ${simpleIdent(name)} ON ${simpleIdent(rel.schema)}.${simpleIdent(rel.name)} USING ${method} (${params.map(text).join(', ')})`;
    this.cat.indexes.push({
      oid, rel: rel.oid, name, uniq: String(!!n.unique), method, nkey: String(params.length), natts: String(natts), keys: keys.join(','), options: options.join(','),
      pred: n.whereClause ? `(${this.slice(n.whereClause, false)})` : null, def, nnd: String(!!n.nulls_not_distinct), backs: 'false', comment: null, relkind: 'r',
      colls: params.map((p) => (p.collation ? '1' : '0')).join(','),
    });
    params.forEach((p, i) => {
      const ops = p.opclass?.length ? names(p.opclass).at(-1)! : null;
      this.cat.indexColumns.push({ oid, n: String(i + 1), text: p.name ?? this.slice(p.expr, false), ops });
    });
  }

  private rename(n: N) {
    if (n.renameType === 'OBJECT_TABLE') {
      const rel = this.findRel(n.relation);
      if (!rel) return;
      this.rels.delete(`${rel.schema}.${rel.name}`);
      rel.name = n.newname;
      this.rels.set(`${rel.schema}.${rel.name}`, rel);
      const row = this.cat.relations.find((r) => r.oid === rel.oid);
      if (row) row.name = n.newname;
    } else if (n.renameType === 'OBJECT_COLUMN' && n.relationType === 'OBJECT_TABLE') {
      const rel = this.findRel(n.relation);
      const col = rel?.cols.get(n.subname);
      if (!rel || !col) return;
      rel.cols.delete(n.subname);
      rel.primaryKey = rel.primaryKey?.map((k) => (k === n.subname ? n.newname : k));
      col.name = n.newname;
      rel.cols.set(n.newname, col);
    }
  }

  private comment(n: N) {
    const items: string[] = n.object?.List ? names(n.object.List.items) : [];
    if (n.objtype === 'OBJECT_TABLE') {
      const rel = this.findRel(items.length > 1 ? { schemaname: items[0], relname: items[1] } : { relname: items[0] });
      const row = rel && this.cat.relations.find((r) => r.oid === rel.oid);
      if (row) row.comment = n.comment ?? null;
    } else if (n.objtype === 'OBJECT_COLUMN') {
      const col = items.at(-1)!;
      const rel = this.findRel(items.length > 2 ? { schemaname: items[0], relname: items[1] } : { relname: items[0] });
      const row = rel?.cols.get(col);
      if (row) row.comment = n.comment ?? null;
    }
  }

  private type(tn: N): TypeRow {
    const path = names(tn.names);
    const last = path.at(-1)!;
    const ndims = tn.arrayBounds?.length ?? 0;
    const mods = (tn.typmods ?? []).map(intOf).filter((x: number | undefined) => x !== undefined) as number[];
    const suffix = ndims ? '[]' : '';
    const user = path.length > 1 && path[0] !== 'pg_catalog';
    // An unqualified built-in type name is pg_catalog's, whatever the script created: pg_catalog is
    // searched first, unless the search_path names it after other schemas.
    const catalogAt = this.searchPath.indexOf('pg_catalog');
    const schemas = user ? [path[0]] : catalogAt >= 0 ? this.searchPath.slice(0, catalogAt) : BUILT_IN.has(last) ? [] : this.searchPath;
    for (const s of path.length === 1 || user ? schemas : []) {
      const e = this.enums.get(`${s}.${last}`);
      if (e) return { type: `${simpleIdent(e.schema)}.${simpleIdent(e.name)}${suffix}`, typname: e.name, typid: e.oid, typtype: 'e', ndims };
      // A domain: its columns read as the base type (as the catalog reader's domtype* columns give it).
      const d = this.domains.get(`${s}.${last}`);
      if (d) return { type: `${simpleIdent(d.schema)}.${simpleIdent(d.name)}${suffix}`, typname: d.name, typid: d.oid, typtype: 'd', ndims, domain: d.base, domainOf: d };
    }
    const serial = path.length === 1 ? SERIALS[last] : undefined;
    const typname = serial ?? last;
    let type: string;
    const time = TIMES[typname];
    if (time) type = `${time[0]}${mods.length ? `(${mods[0]})` : ''} ${time[1]}`;
    else type = `${FORMAT[typname] ?? typname}${mods.length ? `(${typname === 'numeric' && mods.length === 1 ? `${mods[0]},0` : mods.join(',')})` : ''}`;
    return { type: type + suffix, typname, typid: typname, typtype: 'b', ndims, serial: !!serial };
  }

  /** A default expression, written the way `pg_get_expr` prints the common ones. */
  private expr(e: N, t: { type: string; typname: string }): string {
    const c = e.A_Const;
    if (c) {
      if (c.isnull) return 'NULL';
      if (c.ival) return String(c.ival.ival ?? 0);
      if (c.fval) return c.fval.fval;
      if (c.boolval) return String(!!c.boolval.boolval);
      if (c.sval) return `'${(c.sval.sval ?? '').replace(/'/g, "''")}'::${t.type.replace(/\(.*?\)/, '')}`;
    }
    if (e.TypeCast?.arg?.A_Const?.sval && names(e.TypeCast.typeName.names).at(-1) !== 'regclass') {
      return `'${(e.TypeCast.arg.A_Const.sval.sval ?? '').replace(/'/g, "''")}'::${t.type.replace(/\(.*?\)/, '')}`;
    }
    if (e.SQLValueFunction) {
      const op = String(e.SQLValueFunction.op).replace(/^SVFOP_/, '');
      if (!/_N$/.test(op)) return op;
    }
    if (e.FuncCall && !e.FuncCall.args) return `${names(e.FuncCall.funcname).join('.')}()`;
    return this.slice(e);
  }

  /** The source text of an expression node: from its location to where the expression ends. */
  private slice(e: N, inColumn = true): string {
    const start = this.at(exprLocation(e));
    const s = this.src;
    let depth = 0;
    let i = start;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === "'" || ch === '"') {
        const close = s.indexOf(ch, i + 1);
        i = close < 0 ? s.length : close;
        continue;
      }
      if (ch === '(' || ch === '[') depth++;
      else if (ch === ')' || ch === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (ch === ',' || ch === ';')) break;
      else if (inColumn && depth === 0 && /\s/.test(ch) && /^\s+(not\s+null|null|primary|unique|references|check|constraint|generated|collate|default|deferrable)\b/i.test(s.slice(i, i + 24))) break;
    }
    return s.slice(start, i).trim();
  }
}

/** The smallest location in an expression tree (where its text starts). */
function exprLocation(e: N): number {
  let min = Infinity;
  const visit = (x: unknown) => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    for (const [k, v] of Object.entries(x)) {
      if (k === 'location' && typeof v === 'number' && v >= 0 && v < min) min = v;
      else visit(v);
    }
  };
  visit(e);
  return min === Infinity ? 0 : min;
}

function firstColumnRef(e: N): string | undefined {
  let found: string | undefined;
  const visit = (x: unknown) => {
    if (found || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    const o = x as N;
    if (o.ColumnRef) {
      found = str(o.ColumnRef.fields?.at(-1));
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(e);
  return found || undefined;
}
