'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sql, PostgreSQL, MySQL, SQLite } from '@codemirror/lang-sql';
import { useSchema, useSchemaContent, useSchemaStoreApi } from '@/lib/store/react';
import { useUi } from '@/components/editor/uiStore';
import { formatById } from '@/lib/formats/registry';
import { DiagnosticError } from '@/lib/schema/diagnostics';
import { command } from '@/lib/store/command';
import { applyValidPrismaEdit, exportPrismaSync, preparePrismaEdit } from '@/lib/prisma';
import type { SourceFile } from '@/lib/formats/types';
import { CodeEditor, type Marker } from './CodeEditor';
import { prismaLanguage } from './prismaLanguage';
import { prismaIssues } from '@/lib/diagnostics/prisma';

const DIALECTS = [
  ['postgres', 'PostgreSQL', PostgreSQL],
  ['mysql', 'MySQL', MySQL],
  ['sqlite', 'SQLite', SQLite],
] as const;

function PrismaTab() {
  const store = useSchemaStoreApi();
  const doc = useSchemaContent();
  const dark = useUi((s) => s.dark);
  const exported = useMemo<SourceFile[]>(() => {
    try {
      return exportPrismaSync(doc).files;
    } catch (e) {
      return [{ path: 'schema.prisma', text: `// Prisma export failed: ${(e as Error).message}\n` }];
    }
  }, [doc]);
  const [fileIndex, setFileIndex] = useState(0);
  const provisional = useSchema((s) => !!s.provisional);
  const [markers, setMarkers] = useState<Marker[]>([]);
  // What the user typed and has not yet been turned into a document: in the UI store, so that it is
  // still there after another panel was shown; dropped once the file's text is no longer the one it was typed over.
  const draft = useUi((s) => s.prismaDraft);
  const setDraft = useUi((s) => s.setPrismaDraft);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const file = exported[Math.min(fileIndex, exported.length - 1)];
  const pending = draft && draft.base === file.text && draft.path === file.path ? draft.text : undefined;
  const text = pending ?? file.text;

  useEffect(() => () => clearTimeout(timer.current), []);
  // What an edit is merged against, worked out once the document has been still for a while and the
  // browser is idle (only for a document holding what Prisma cannot express; see preparePrismaEdit).
  useEffect(() => {
    let idle: number | undefined;
    const t = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => preparePrismaEdit(doc), { timeout: 5000 });
      else preparePrismaEdit(doc);
    }, 1500);
    return () => {
      clearTimeout(t);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [doc]);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void prismaIssues(doc).then((issues) => {
        if (!live) return;
        setMarkers(issues.filter((i) => i.line && (!i.file || i.file === file.path)).map((i) => ({ line: i.line!, column: i.column, message: i.message, severity: i.severity })));
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [doc, file.path]);

  // Each apply is numbered: a later keystroke makes it stale. The text is of the document `doc` of
  // this render; applyValidPrismaEdit drops it when the content has changed since.
  const applying = useRef(0);
  const apply = (next: string) => {
    const files = exported.map((f) => (f.path === file.path ? { ...f, text: next } : f));
    const mine = ++applying.current;
    const stale = () => mine !== applying.current;
    // Applied once Prisma's validator accepts it, to the document as it is then (undefined when its
    // content changed meanwhile); what Prisma cannot express (a SQL import's checks, comments, raw SQL,
    // ...) stays: see applyValidPrismaEdit and applyPrismaEdit.
    void applyValidPrismaEdit(doc, files, () => store.getState().document).then(
      (result) => {
        if (!result || stale()) return;
        setDraft(null);
        store.getState().dispatch(command('code/prisma', 'Edit Prisma code', () => result.document));
        setMarkers([]);
      },
      (e) => {
        if (stale()) return;
        const diags = e instanceof DiagnosticError ? e.diagnostics : [{ severity: 'error' as const, message: (e as Error).message, line: 1 }];
        // What another file of the schema holds is shown at the top, with its file's name.
        const here = (d: { file?: string }) => !d.file || d.file === file.path;
        setMarkers(diags.map((d) => ({ line: here(d) ? (d.line ?? 1) : 1, column: here(d) ? d.column : undefined, message: here(d) ? d.message : `${d.file}: ${d.message}`, severity: d.severity })));
      },
    );
  };

  // Back to text typed before another panel was shown: its markers again (it applies if it now can).
  useEffect(() => {
    if (pending !== undefined) apply(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the tab shows
  }, []);

  return (
    <div className="flex h-full flex-col">
      {exported.length > 1 && (
        <div role="tablist" aria-label="Prisma files" className="flex gap-1 overflow-x-auto border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-800">
          {exported.map((f, i) => (
            <button key={f.path} type="button" role="tab" aria-selected={f === file} className={f === file ? 'font-semibold' : 'text-slate-500'} onClick={() => setFileIndex(i)}>
              {f.path}
            </button>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1">
        <CodeEditor
          label="Prisma schema"
          value={text}
          language={prismaLanguage}
          // An import preview is read-only until PostgreSQL has checked it: text typed then would be lost.
          readOnly={provisional}
          dark={dark}
          markers={markers}
          onChange={(t) => {
            setDraft({ base: file.text, path: file.path, text: t });
            applying.current++;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => apply(t), 500);
          }}
        />
      </div>
    </div>
  );
}

function SqlTab() {
  const doc = useSchemaContent();
  const dark = useUi((s) => s.dark);
  const dialect = useUi((s) => s.sqlDialect);
  const setDialect = useUi((s) => s.setSqlDialect);
  const [out, setOut] = useState<{ text: string; warnings: string[] }>({ text: '', warnings: [] });
  useEffect(() => {
    let live = true;
    const f = formatById(dialect);
    const write = f?.write ?? (() => Promise.reject(new Error(`${dialect} export is not available`)));
    void write(doc).then(
      (r) => live && setOut({ text: r.files.map((x) => x.text).join('\n'), warnings: r.diagnostics.map((d) => d.message) }),
      (e: Error) => live && setOut({ text: `-- export failed: ${e.message}`, warnings: [] }),
    );
    return () => {
      live = false;
    };
  }, [doc, dialect]);
  const language = useMemo(() => sql({ dialect: DIALECTS.find((d) => d[0] === dialect)![2] }), [dialect]);
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-800">
        <label htmlFor="sql-dialect">Dialect</label>
        <select id="sql-dialect" className="btn py-0.5 text-xs" value={dialect} onChange={(e) => setDialect(e.target.value as typeof dialect)}>
          {DIALECTS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        {out.warnings.length > 0 && <span className="text-amber-600">{out.warnings.length} warning(s)</span>}
      </div>
      {out.warnings.length > 0 && (
        <ul aria-label="SQL export warnings" className="max-h-24 overflow-auto px-2 text-xs text-amber-700 dark:text-amber-400">
          {out.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="min-h-0 flex-1">
        <CodeEditor label="SQL DDL" value={out.text} language={language} readOnly dark={dark} />
      </div>
    </div>
  );
}

export function CodePanel() {
  const tab = useUi((s) => s.codeTab);
  const setTab = useUi((s) => s.setCodeTab);
  return (
    <div className="flex h-full flex-col">
      <div role="tablist" aria-label="Code" className="flex gap-2 border-b border-slate-200 px-2 text-sm dark:border-slate-800">
        {(['prisma', 'sql'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={`px-2 py-1 ${tab === t ? 'font-semibold text-sky-700 dark:text-sky-400' : 'text-slate-500'}`} onClick={() => setTab(t)}>
            {t === 'prisma' ? 'Prisma' : 'SQL'}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1">{tab === 'prisma' ? <PrismaTab /> : <SqlTab />}</div>
    </div>
  );
}
