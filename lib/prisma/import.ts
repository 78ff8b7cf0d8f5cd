/** Prisma schema (one file or a prismaSchemaFolder) → SchemaDocument. */
import { createDocument } from '../schema/document';
import { DiagnosticError, type Diagnostic } from '../schema/diagnostics';
import { newId, type IdGenerator } from '../schema/ids';
import type { Enum, Provider, Table, View } from '../schema/types';
import type { ImportResult, SourceFile } from '../formats/types';
import { BlockSyntaxError, splitBlocks, type BlockKind, type Piece } from './blocks';
import { parseEnum, parseModel, stripDoc, type BlockContext, type PendingRelation } from './import-block';
import { pairRelations } from './import-relations';
import { enumItems, fingerprint, hash, modelItems, PrintContext, relationItems, viewText } from './print';
import type { BlockRec, FileRec, PrismaTrivia } from './trivia';
import { validatePrisma } from './validate';
import { unquote } from './lexer';

export interface ImportOptions {
  ids?: IdGenerator;
  name?: string;
  /** Skip Prisma's validator (faster; used by benchmarks). */
  skipValidation?: boolean;
}

const PROVIDERS: Record<string, Provider> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
  sqlserver: 'sqlserver',
  cockroachdb: 'cockroachdb',
  mongodb: 'mongodb',
};

function settingValue(text: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(text);
  return m?.[1];
}

/** The schemas a datasource lists (`schemas = ["public", "auth"]`), in order. */
function schemasSetting(text: string): string[] {
  const m = /^\s*schemas\s*=\s*\[([^\]]*)\]/m.exec(text);
  return m ? [...m[1].matchAll(/"(?:[^"\\]|\\.)*"/g)].map((x) => unquote(x[0])) : [];
}

/** Fills in every line and block fingerprint from the canonical print of the document. */
export function computeFingerprints(doc: import('../schema/types').SchemaDocument, trivia: PrismaTrivia): void {
  const ctx = new PrintContext(doc);
  for (const [id, rec] of Object.entries(trivia.blocks)) {
    let items;
    if (rec.kind === 'model') items = modelItems(doc.tables[id], ctx, rec, relationItems(doc.tables[id], ctx, rec));
    else if (rec.kind === 'enum') items = enumItems(doc.enums[id], ctx, rec);
    else {
      rec.fp = hash(viewText(doc.views[id], ctx));
      continue;
    }
    const byKey = new Map(items.map((i) => [i.key, hash(i.text)]));
    rec.fp = fingerprint(items);
    rec.lines = rec.lines.map((l) => {
      if (l.k !== 'item') return l;
      const fp = byKey.get(l.key);
      return fp === undefined ? { k: 'raw', text: l.text } : { ...l, fp };
    });
  }
}

export function importPrismaSync(files: SourceFile[], opts: ImportOptions = {}): ImportResult {
  if (!files.length) throw new DiagnosticError([{ severity: 'error', message: 'no Prisma files to import', code: 'prisma/empty' }]);
  const ids = opts.ids ?? newId;
  const diagnostics: Diagnostic[] = [];
  const split: { path: string; pieces: Piece[] }[] = files.map((f) => {
    try {
      return { path: f.path, pieces: splitBlocks(f.text) };
    } catch (e) {
      if (!(e instanceof BlockSyntaxError)) throw e;
      throw new DiagnosticError([{ severity: 'error', code: 'prisma/syntax', message: `syntax error: ${e.message}`, file: f.path, line: e.line, column: e.column }]);
    }
  });
  const kinds = new Map<string, BlockKind>();
  let provider: Provider | undefined;
  let main: string | undefined;
  let relationMode = false;
  for (const f of split) {
    for (const p of f.pieces) {
      if (p.t !== 'block') continue;
      if (p.block.kind === 'datasource') {
        main ??= f.path;
        const prov = settingValue(p.block.text, 'provider');
        provider ??= prov ? PROVIDERS[prov] : undefined;
        if (prov && !PROVIDERS[prov]) diagnostics.push({ severity: 'warning', code: 'prisma/provider', message: `unknown provider "${prov}", using postgresql`, file: f.path, line: p.block.headerLine });
        // referentialIntegrity is relationMode's old, deprecated name; Prisma still reads it.
        if (settingValue(p.block.text, 'relationMode') === 'prisma' || settingValue(p.block.text, 'referentialIntegrity') === 'prisma') relationMode = true;
      } else if (p.block.kind !== 'generator' && !kinds.has(p.block.name)) kinds.set(p.block.name, p.block.kind);
    }
  }
  const baseName = files[0].path.replace(/^.*[\\/]/, '').replace(/\.prisma$/, '');
  const doc = createDocument({ name: opts.name ?? baseName, provider: provider ?? 'postgresql', id: ids('doc') });
  if (!provider) diagnostics.push({ severity: 'info', code: 'prisma/provider', message: 'no datasource provider found; assuming postgresql' });
  const trivia: PrismaTrivia = { version: 1, main: main ?? files[0].path, files: [], blocks: {} };
  const enumIds = new Map<string, string>();
  const enumBlocks = new Map<string, Enum>();
  for (const [name, kind] of kinds) {
    if (kind !== 'enum') continue;
    const en: Enum = { id: ids('enum'), name, values: [] };
    enumIds.set(name, en.id);
    enumBlocks.set(name, en);
  }
  const nsIds = new Map<string, string>();
  /** The schemas the datasource lists: each is one of the document's (Prisma Migrate makes each), used or not. */
  const listed: string[] = [];
  const relations: PendingRelation[] = [];
  const relFiles = new Map<PendingRelation, string>();
  const tables = new Map<string, Table>();
  const seen = new Set<string>();
  for (const f of split) {
    const fileRec: FileRec = { path: f.path, segments: [] };
    trivia.files.push(fileRec);
    const ctx: BlockContext = {
      ids,
      file: f.path,
      kinds,
      enumIds,
      diagnostics,
      relations,
      namespace(name) {
        let id = nsIds.get(name);
        if (!id) {
          id = ids('ns');
          nsIds.set(name, id);
          doc.namespaces[id] = { id, name };
        }
        return id;
      },
    };
    for (const p of f.pieces) {
      if (p.t === 'text') {
        fileRec.segments.push({ t: 'text', text: p.text });
        continue;
      }
      const b = p.block;
      const dup = b.kind !== 'generator' && b.kind !== 'datasource' && seen.has(b.name);
      if (b.kind === 'generator' || dup) {
        if (dup) diagnostics.push({ severity: 'warning', code: 'prisma/duplicate', message: `${b.kind} ${b.name} is defined twice; the second is kept as text`, file: f.path, line: b.headerLine });
        fileRec.segments.push({ t: 'text', text: b.text });
        continue;
      }
      if (b.kind === 'datasource') {
        fileRec.segments.push({ t: 'datasource', text: b.text, provider: settingValue(b.text, 'provider') ?? '' });
        listed.push(...schemasSetting(b.text));
        continue;
      }
      seen.add(b.name);
      let id: string;
      if (b.kind === 'model') {
        const before = relations.length;
        const { table, rec } = parseModel(b, ctx);
        for (const r of relations.slice(before)) relFiles.set(r, f.path);
        id = table.id;
        doc.tables[id] = table;
        tables.set(table.name, table);
        trivia.blocks[id] = rec;
      } else if (b.kind === 'enum') {
        const en = enumBlocks.get(b.name)!;
        id = en.id;
        trivia.blocks[id] = parseEnum(b, en, ctx);
        doc.enums[id] = en;
      } else if (b.kind === 'view') {
        const body = b.body.map((e) => e.text).join('\n');
        const view: View = { id: ids('view'), name: b.name, prismaBody: body };
        const vdoc = stripDoc(b.docLines);
        if (vdoc !== undefined) view.doc = vdoc;
        id = view.id;
        doc.views[id] = view;
        trivia.blocks[id] = { kind: 'view', text: b.text, fp: '', lines: [], extras: {}, style: {} } satisfies BlockRec;
        diagnostics.push({ severity: 'info', code: 'prisma/view', message: `view ${b.name}: fields kept as Prisma text`, file: f.path, line: b.headerLine });
      } else {
        id = ids('raw');
        doc.raw[id] = { id, dialect: 'prisma', kind: 'type', name: b.name, text: b.text };
        diagnostics.push({ severity: 'info', code: 'prisma/composite-type', message: `composite type ${b.name} kept verbatim`, file: f.path, line: b.headerLine });
      }
      fileRec.segments.push({ t: 'ref', id });
    }
  }
  for (const name of listed) {
    if (nsIds.has(name)) continue;
    const id = ids('ns');
    nsIds.set(name, id);
    doc.namespaces[id] = { id, name };
  }
  pairRelations(relations, doc, tables, ids, diagnostics, relFiles, relationMode);
  computeFingerprints(doc, trivia);
  doc.sources = { ...doc.sources, prisma: trivia };
  return { document: doc, diagnostics };
}

export async function importPrisma(files: SourceFile[], opts: ImportOptions = {}): Promise<ImportResult> {
  const result = importPrismaSync(files, opts);
  if (opts.skipValidation) return result;
  const validation = await validatePrisma(files);
  return { document: result.document, diagnostics: [...result.diagnostics, ...validation] };
}
