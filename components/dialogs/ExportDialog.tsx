'use client';
import { useEffect, useState } from 'react';
import { useUi } from '@/components/editor/uiStore';
import { useSchema } from '@/lib/store/react';
import { Dialog, DialogHeader } from '@/components/ui/Dialog';
import { FORMATS, formatById } from '@/lib/formats/registry';
import { formatDiagnostic, type Diagnostic } from '@/lib/schema/diagnostics';
import type { SourceFile } from '@/lib/formats/types';
import { zipFiles } from '@/lib/formats/zip';

const EXT: Record<string, string> = { json: '.schemata.json', prisma: '.prisma', postgres: '.sql', mysql: '.mysql.sql', sqlite: '.sqlite.sql' };

export function download(name: string, content: string | Uint8Array<ArrayBuffer>, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportDialog() {
  const open = useUi((s) => s.dialog === 'export');
  if (!open) return null;
  return <ExportBody />;
}

function ExportBody() {
  const doc = useSchema((s) => s.document);
  // An import preview PostgreSQL has not checked yet lacks what only its catalog gives (sequences,
  // functions, triggers, ...): shown, but not downloaded or copied, until the checked document replaces it.
  const checking = useSchema((s) => !!s.provisional);
  const [format, setFormat] = useState('prisma');
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [diags, setDiags] = useState<Diagnostic[]>([]);
  // The text copied last: "Copied" stands only while the dialog shows that text.
  const [copied, setCopied] = useState<string | null>(null);
  const close = () => useUi.getState().openDialog(null);
  useEffect(() => {
    let live = true;
    const f = formatById(format);
    void f?.write?.(doc).then(
      (r) => live && (setFiles(r.files), setDiags(r.diagnostics)),
      (e: Error) => live && (setFiles([]), setDiags([{ severity: 'error', message: e.message }])),
    );
    return () => {
      live = false;
    };
  }, [format, doc]);
  const name = doc.name.replace(/[^\w.-]+/g, '-') || 'schema';
  const text = files.length === 1 ? files[0].text : files.map((f) => `// ---- ${f.path} ----\n${f.text}`).join('\n');
  return (
    <Dialog label="Export" onClose={close} wide>
      <DialogHeader title="Export" onClose={close} />
      <div className="mb-2 flex items-center gap-2">
        <label htmlFor="export-format" className="text-sm">
          Format
        </label>
        <select id="export-format" className="btn min-w-0 flex-1" value={format} onChange={(e) => setFormat(e.target.value)}>
          {FORMATS.filter((f) => f.write).map((f) => (
            <option key={f.id} value={f.id}>
              {f.description}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn shrink-0"
          disabled={!files.length || checking}
          onClick={() => {
            if (files.length === 1) download(`${name}${EXT[format] ?? '.txt'}`, files[0].text);
            // Several files (a multi-file Prisma schema): one archive with its folders, as a browser
            // drops most of many downloads in a row.
            else download(`${name}.zip`, zipFiles(files), 'application/zip');
          }}
        >
          Download
        </button>
        <button
          type="button"
          className="btn shrink-0"
          disabled={!files.length || checking}
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(text))}
        >
          {copied === text ? 'Copied' : 'Copy'}
        </button>
      </div>
      {checking && (
        <p className="mb-2 text-sm text-amber-700 dark:text-amber-400">
          PostgreSQL is still reading this import back: Download and Copy wait for the document it gives, as the preview lacks what only PostgreSQL can tell.
        </p>
      )}
      <pre aria-label="Export preview" className="max-h-[50vh] overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-800">
        {text}
      </pre>
      {diags.length > 0 && (
        <ul aria-label="Export messages" className="mt-2 font-mono text-xs text-amber-700 dark:text-amber-400">
          {diags.map((d, i) => (
            <li key={i}>{formatDiagnostic(d)}</li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
