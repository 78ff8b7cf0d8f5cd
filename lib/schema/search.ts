/** Search across tables and columns, ranked: exact, prefix, substring; tables before columns. */
import type { Id, SchemaDocument } from './types';

export interface SearchResult {
  tableId: Id;
  columnId?: Id;
  label: string;
  detail: string;
  score: number;
}

function score(name: string, q: string): number {
  const n = name.toLowerCase();
  if (n === q) return 3;
  if (n.startsWith(q)) return 2;
  if (n.includes(q)) return 1;
  return 0;
}

export function searchSchema(doc: SchemaDocument, query: string, limit = 50): SearchResult[] {
  const q = query.trim().toLowerCase();
  const out: SearchResult[] = [];
  for (const t of Object.values(doc.tables)) {
    if (!q) {
      out.push({ tableId: t.id, label: t.name, detail: `${t.columns.length} columns`, score: 0 });
      continue;
    }
    const s = Math.max(score(t.name, q), t.dbName ? score(t.dbName, q) : 0);
    if (s) out.push({ tableId: t.id, label: t.name, detail: 'table', score: s + 0.5 });
    for (const c of t.columns) {
      const cs = Math.max(score(c.name, q), c.dbName ? score(c.dbName, q) : 0);
      if (cs) out.push({ tableId: t.id, columnId: c.id, label: `${t.name}.${c.name}`, detail: 'column', score: cs });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, limit);
}
