/**
 * `prisma format` column alignment for the body of one block: within a run of fields (broken by
 * blank lines and block attributes, not by comments), names are padded to the longest name and
 * types to the longest type when attributes follow. Attribute text and comments stay verbatim.
 */
import { parseFieldLine, type FieldLine } from './lexer';

interface Row {
  prefix: string;
  fl: FieldLine;
}

export function alignBody(entries: string[], enumMode: boolean): string[] {
  const rows: (Row | null)[] = entries.map((e) => {
    const nl = e.lastIndexOf('\n');
    const main = e.slice(nl + 1);
    const prefix = e.slice(0, nl + 1);
    if (prefix && !prefix.split('\n').slice(0, -1).every((l) => l.trim().startsWith('///'))) return null;
    const t = main.trim();
    if (!t || t.startsWith('//') || t.startsWith('@') || t.startsWith('/*') || t.startsWith('}')) return null;
    try {
      return { prefix, fl: parseFieldLine(t, enumMode) };
    } catch {
      return null;
    }
  });
  const out = [...entries];
  let start = 0;
  const flush = (end: number) => {
    let maxName = 0;
    let maxType = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      if (!r) continue;
      maxName = Math.max(maxName, r.fl.name.length);
      maxType = Math.max(maxType, r.fl.type.length);
    }
    for (let i = start; i < end; i++) {
      const r = rows[i];
      if (!r) continue;
      const { name, type, attrsText, comment } = r.fl;
      let line: string;
      if (enumMode) line = attrsText ? `${name.padEnd(maxName)} ${attrsText}` : name;
      else line = attrsText ? `${name.padEnd(maxName)} ${type.padEnd(maxType)} ${attrsText}` : `${name.padEnd(maxName)} ${type}`;
      out[i] = `${r.prefix}  ${line}${comment ? ' ' + comment : ''}`;
    }
  };
  for (let i = 0; i < entries.length; i++) {
    const t = entries[i].trim();
    if (t === '' || t.startsWith('@@')) {
      flush(i);
      start = i + 1;
    }
  }
  flush(entries.length);
  return out;
}
