/** SchemaDocument → Prisma files, reusing original text wherever the document is unchanged. */
import type { Diagnostic } from '../schema/diagnostics';
import { relationsOfTable } from '../schema/document';
import type { Id, SchemaDocument } from '../schema/types';
import type { ExportResult, SourceFile } from '../formats/types';
import { partitionsOf } from '../sql/ddl/builder';
import { alignBody } from './align';
import { enumItems, fingerprint, hash, modelItems, PrintContext, relationItems, viewText, type Item } from './print';
import { getTrivia, type BlockRec, type PrismaTrivia } from './trivia';
import { validatePrisma } from './validate';

const isBlank = (s: string) => s.trim() === '';

/** Lays out items fresh: head, fields, a blank line, block attributes, `}`. */
function freshBlock(items: Item[], enumMode: boolean): string {
  const fields = items.filter((i) => i.section === 'field').map((i) => i.text);
  const attrs = items.filter((i) => i.section === 'attr').map((i) => i.text);
  const body = [...fields, ...(fields.length && attrs.length ? [''] : []), ...attrs];
  return [items[0].text, ...alignBody(body, enumMode), '}'].join('\n');
}

/** Rebuilds a changed block from its original lines: unchanged lines verbatim, then realigned. */
function rebuild(rec: BlockRec, items: Item[], enumMode: boolean): string {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const used = new Set<string>();
  const out: { text: string; section?: Item['section'] }[] = [];
  for (const l of rec.lines) {
    if (l.k === 'raw') {
      out.push({ text: l.text });
      continue;
    }
    const it = byKey.get(l.key);
    if (!it) continue;
    used.add(l.key);
    out.push({ text: hash(it.text) === l.fp ? l.text : it.text, section: it.section });
  }
  const hasFooter = rec.lines.length > 1 && rec.lines[rec.lines.length - 1].k === 'raw';
  const fresh = items.filter((i) => !used.has(i.key));
  const lastIdx = (section: Item['section']) => out.map((o) => o.section).lastIndexOf(section);
  const newFields = fresh.filter((i) => i.section === 'field');
  if (newFields.length) {
    const at = Math.max(lastIdx('field'), lastIdx('head')) + 1;
    out.splice(at, 0, ...newFields.map((i) => ({ text: i.text, section: i.section })));
  }
  const newAttrs = fresh.filter((i) => i.section === 'attr');
  if (newAttrs.length) {
    let at = lastIdx('attr') + 1;
    const add: { text: string; section?: Item['section'] }[] = newAttrs.map((i) => ({ text: i.text, section: i.section }));
    if (at === 0) {
      at = hasFooter ? out.length - 1 : out.length;
      if (lastIdx('field') >= 0 && !isBlank(out[at - 1].text)) add.unshift({ text: '' });
    }
    out.splice(at, 0, ...add);
  }
  // A removed last line must not leave a blank line before `}`.
  const origBeforeFooter = rec.lines[rec.lines.length - 2];
  if (hasFooter && origBeforeFooter && !(origBeforeFooter.k === 'raw' && isBlank(origBeforeFooter.text))) {
    while (out.length > 2 && isBlank(out[out.length - 2].text)) out.splice(out.length - 2, 1);
  }
  const bodyEnd = hasFooter ? out.length - 1 : out.length;
  const body = alignBody(out.slice(1, bodyEnd).map((o) => o.text.replace(/\r(?=\n|$)/g, '')), enumMode);
  const text = [out[0].text, ...body, ...out.slice(bodyEnd).map((o) => o.text)].join('\n');
  return original(rec).includes('\r\n') ? crlf(text) : text;
}

/** The block as imported. */
function original(rec: BlockRec): string {
  return rec.text ?? rec.lines.map((l) => l.text).join('\n');
}

/** Gives every line a `\r` (for files written with CRLF line ends). */
function crlf(text: string): string {
  return text.split('\n').map((l) => l.replace(/\r$/, '') + '\r').join('\n');
}

class Printer {
  readonly ctx: PrintContext;
  readonly printed = new Set<Id>();
  constructor(
    readonly doc: SchemaDocument,
    readonly trivia: PrismaTrivia | undefined,
  ) {
    this.ctx = new PrintContext(doc);
  }

  block(id: Id): string | undefined {
    const doc = this.doc;
    const rec = this.trivia?.blocks[id];
    this.printed.add(id);
    const table = doc.tables[id];
    if (table) {
      const r = rec?.kind === 'model' ? rec : undefined;
      const items = modelItems(table, this.ctx, r, relationItems(table, this.ctx, r));
      if (!r) return freshBlock(items, false);
      return fingerprint(items) === r.fp ? original(r) : rebuild(r, items, false);
    }
    const en = doc.enums[id];
    if (en) {
      const r = rec?.kind === 'enum' ? rec : undefined;
      const items = enumItems(en, this.ctx, r);
      if (!r) return freshBlock(items, true);
      return fingerprint(items) === r.fp ? original(r) : rebuild(r, items, true);
    }
    const view = doc.views[id];
    if (view) {
      const text = viewText(view, this.ctx);
      return rec?.kind === 'view' && hash(text) === rec.fp && rec.text !== undefined ? rec.text : text;
    }
    const raw = doc.raw[id];
    if (raw && raw.dialect === 'prisma') return raw.text;
    return undefined;
  }
}

function datasource(doc: SchemaDocument): string {
  const ns = Object.values(doc.namespaces).map((n) => JSON.stringify(n.name));
  const schemas = ns.length ? `\n  schemas  = [${ns.join(', ')}]` : '';
  return `datasource db {\n  provider = "${doc.settings.provider}"${schemas}\n}`;
}

/** The generator block of a document made outside Prisma, with the preview features it needs. */
function generator(doc: SchemaDocument): string {
  const features: string[] = [];
  if (Object.keys(doc.views).length) features.push('views');
  if (Object.values(doc.tables).some((t) => t.indexes.some((ix) => ix.where))) features.push('partialIndexes');
  const preview = features.length ? `\n  previewFeatures = [${features.map((f) => JSON.stringify(f)).join(', ')}]` : '';
  const provider = features.length ? 'provider        = "prisma-client-js"' : 'provider = "prisma-client-js"';
  return `generator client {\n  ${provider}${preview}\n}`;
}

/**
 * A file that new blocks are appended to, each after a blank line. The text is kept as parts and
 * joined once: appending to one growing string and asking it `endsWith` made every append copy the
 * whole file (1,000 new models took 150 ms). Line ends follow the file: once it has a CRLF, what
 * is there is read with LF, and the whole file is written back with CRLF (as each append used to).
 */
class AppendedFile {
  private parts: string[];
  /** The last two characters written. */
  private tail: string;
  /** The text so far has a CRLF: the next append switches the file to CRLF. */
  private crlf: boolean;
  /** Switched: `parts` hold the file with LF, written back with CRLF. */
  private converting = false;

  constructor(text: string) {
    this.parts = text ? [text] : [];
    this.tail = text.slice(-2);
    this.crlf = text.includes('\r\n');
  }

  append(block: string) {
    if (this.crlf && !this.converting) {
      // Once per file: what is there so far, read with LF.
      const lf = this.parts.join('').replace(/\r\n/g, '\n');
      this.parts = lf ? [lf] : [];
      this.tail = lf.slice(-2);
      this.converting = true;
    }
    const sep = !this.parts.length ? '' : this.tail === '\n\n' ? '' : this.tail.endsWith('\n') ? '\n' : '\n\n';
    const piece = `${sep}${block}\n`;
    if (!this.crlf && (piece.includes('\r\n') || (this.tail.endsWith('\r') && piece.startsWith('\n')))) this.crlf = true;
    this.parts.push(piece);
    this.tail = (this.tail + piece).slice(-2);
  }

  text(): string {
    const text = this.parts.join('');
    return this.converting ? text.replace(/\n/g, '\r\n') : text;
  }
}

/** The file a new object goes to: the one holding most of its related models, else the main file. */
function homeFile(doc: SchemaDocument, id: Id, fileOf: Map<Id, string>, main: string): string {
  const related: Id[] = [];
  if (doc.tables[id]) {
    for (const r of relationsOfTable(doc, id)) {
      if (r.kind === 'foreign-key') related.push(r.from.table === id ? r.to.table : r.from.table);
      else related.push(r.a.table === id ? r.b.table : r.a.table);
    }
  } else if (doc.enums[id]) {
    for (const t of Object.values(doc.tables)) if (t.columns.some((c) => c.type.enumId === id)) related.push(t.id);
  }
  const counts = new Map<string, number>();
  for (const t of related) {
    const f = fileOf.get(t);
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best = main;
  let n = 0;
  for (const [f, c] of counts) if (c > n || (c === n && f === main)) [best, n] = [f, c];
  return best;
}

export function exportPrismaSync(full: SchemaDocument): ExportResult {
  const { doc, partitions } = prismaShown(full);
  const trivia = getTrivia(doc.sources);
  const p = new Printer(doc, trivia);
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, string>();
  const fileOf = new Map<Id, string>();
  const main = trivia?.main ?? 'schema.prisma';
  if (trivia) {
    for (const f of trivia.files) {
      const parts: string[] = [];
      let dropBlank = false;
      for (const seg of f.segments) {
        if (seg.t === 'ref') {
          const text = p.block(seg.id);
          if (text === undefined) {
            const last = parts[parts.length - 1];
            dropBlank = last !== undefined && isBlank(last.slice(last.lastIndexOf('\n') + 1));
            continue;
          }
          fileOf.set(seg.id, f.path);
          parts.push(text);
        } else if (seg.t === 'datasource') {
          const want = doc.settings.provider;
          const same = seg.provider === want || (seg.provider === 'postgres' && want === 'postgresql');
          parts.push(same ? seg.text : seg.text.replace(/(provider\s*=\s*)"[^"]*"/, `$1"${want}"`));
        } else {
          let text = seg.text;
          if (dropBlank && isBlank(text.split('\n')[0])) {
            const nl = text.indexOf('\n');
            if (nl < 0) {
              dropBlank = false;
              continue;
            }
            text = text.slice(nl + 1);
          }
          parts.push(text);
        }
        dropBlank = false;
      }
      files.set(f.path, parts.join('\n'));
    }
  } else {
    files.set(main, `${generator(doc)}\n\n${datasource(doc)}\n`);
  }
  const rest = [...Object.keys(doc.tables), ...Object.keys(doc.enums), ...Object.keys(doc.views), ...Object.keys(doc.raw)];
  const appended = new Map<string, AppendedFile>();
  for (const id of rest) {
    if (p.printed.has(id)) continue;
    const text = p.block(id);
    if (text === undefined) continue;
    const file = trivia ? homeFile(doc, id, fileOf, main) : main;
    fileOf.set(id, file);
    let acc = appended.get(file);
    if (!acc) appended.set(file, (acc = new AppendedFile(files.get(file) ?? '')));
    acc.append(text);
  }
  for (const [file, acc] of appended) files.set(file, acc.text());
  diagnostics.push(...notExpressible(doc));
  if (partitions.length) diagnostics.push({ severity: 'warning', code: 'prisma/not-expressible', message: `partitions are left out, as prisma db pull leaves them out (Prisma has no partitioning; the document keeps them, and PostgreSQL DDL writes them): ${listNames(partitions)}` });
  const out: SourceFile[] = [...files].map(([path, text]) => ({ path, text }));
  return { files: out, diagnostics };
}

/**
 * The document as Prisma sees it: without the partitions of partitioned tables (Prisma has no
 * partitioning, and db pull leaves partitions out), or the relations to and from them.
 */
export function prismaShown(doc: SchemaDocument): { doc: SchemaDocument; partitions: string[] } {
  const of = partitionsOf(doc);
  if (!of.size) return { doc, partitions: [] };
  const tables = Object.fromEntries(Object.entries(doc.tables).filter(([id]) => !of.has(id)));
  const relations = Object.fromEntries(Object.entries(doc.relations).filter(([, r]) => (r.kind === 'foreign-key' ? [r.from.table, r.to.table] : [r.a.table, r.b.table]).every((t) => !of.has(t))));
  return { doc: { ...doc, tables, relations }, partitions: [...of.keys()].map((id) => doc.tables[id].name) };
}

/** Few names per warning line; the count says how many there are. */
const listNames = (names: string[]) => (names.length > 8 ? `${names.slice(0, 8).join(', ')}, ... (${names.length})` : names.join(', '));

/**
 * What the document holds that a Prisma schema cannot: each is listed, so nothing is left out
 * silently. The document keeps all of it (SQL export writes it).
 */
function notExpressible(doc: SchemaDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (message: string) => out.push({ severity: 'warning', code: 'prisma/not-expressible', message });
  for (const t of Object.values(doc.tables)) {
    if (t.checks.length) warn(`table ${t.name}: check constraints cannot be written in Prisma and were left out: ${listNames(t.checks.map((c) => c.dbName ?? c.expression))}`);
    const generated = t.columns.filter((c) => c.generated).map((c) => c.name);
    if (generated.length) warn(`table ${t.name}: generated columns are written with @default(dbgenerated(...)), as prisma db pull writes them (Prisma cannot express GENERATED ALWAYS AS; Prisma Migrate would make a default): ${listNames(generated)}`);
    const identity = t.columns.filter((c) => c.identity).map((c) => c.name);
    if (identity.length) warn(`table ${t.name}: identity columns are written as autoincrement(), as prisma db pull writes them (Prisma cannot express GENERATED ... AS IDENTITY; Prisma Migrate would make serial columns): ${listNames(identity)}`);
    const collated = t.columns.filter((c) => c.collation).map((c) => `${c.name} (${c.collation})`);
    if (collated.length) warn(`table ${t.name}: column collations cannot be written in Prisma and were left out: ${listNames(collated)}`);
    const domains = t.columns.filter((c) => c.type.domain).map((c) => `${c.name} (${c.type.domain})`);
    if (domains.length) warn(`table ${t.name}: columns of PostgreSQL domains are written with the domain's base type (Prisma has no domains; their checks and defaults are left out, and a NOT NULL domain makes the field required): ${listNames(domains)}`);
  }
  const deferrable = Object.values(doc.relations).flatMap((r) => (r.kind === 'foreign-key' && r.deferrable ? [`${doc.tables[r.from.table]?.name}.${r.dbName ?? r.fromField?.name ?? r.id}`] : []));
  if (deferrable.length) warn(`foreign keys are written as checked at once (Prisma cannot express DEFERRABLE): ${listNames(deferrable)}`);
  // Database comments (COMMENT ON) are not Prisma's `///` documentation, which Prisma Migrate ignores.
  const commented: string[] = [];
  for (const n of Object.values(doc.namespaces)) if (n.comment) commented.push(`schema ${n.name}`);
  for (const e of Object.values(doc.enums)) if (e.comment) commented.push(`enum ${e.name}`);
  for (const v of Object.values(doc.views)) if (v.comment) commented.push(`view ${v.name}`);
  for (const t of Object.values(doc.tables)) {
    if (t.comment) commented.push(`table ${t.name}`);
    for (const c of t.columns) if (c.comment) commented.push(`column ${t.name}.${c.name}`);
  }
  if (commented.length) warn(`database comments cannot be written in Prisma and were left out: ${listNames(commented)}`);
  const raw = new Map<string, string[]>();
  for (const r of Object.values(doc.raw)) {
    if (r.dialect === 'prisma') continue;
    const list = raw.get(r.kind) ?? raw.set(r.kind, []).get(r.kind)!;
    list.push(r.name ?? r.text.split('\n')[0].slice(0, 60));
  }
  for (const [kind, names] of raw) {
    warn(`raw SQL the document keeps, left out because Prisma cannot express it: ${names.length} ${kind.replace(/-/g, ' ')}: ${listNames(names)}`);
  }
  return out;
}

export async function exportPrisma(doc: SchemaDocument, opts: { skipValidation?: boolean } = {}): Promise<ExportResult> {
  const result = exportPrismaSync(doc);
  if (opts.skipValidation) return result;
  return { files: result.files, diagnostics: [...result.diagnostics, ...(await validatePrisma(result.files))] };
}
