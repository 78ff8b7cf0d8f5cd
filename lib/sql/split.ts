/**
 * Splits PostgreSQL script text into statements, with 1-based line/column of each. Understands
 * quotes ('', E'', ""), dollar quoting, -- and nested /* comments, psql meta-commands (`\connect`),
 * and `COPY ... FROM stdin` data blocks (ended by `\.`). It does not parse SQL.
 */

export interface SqlStatement {
  /** Statement text without the trailing `;` and without leading comments. */
  text: string;
  line: number;
  column: number;
  /** `meta`: a psql meta-command; `copy-data`: COPY FROM stdin including its data. */
  type: 'sql' | 'meta' | 'copy-data';
}

export function splitStatements(src: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let start = -1;
  let startLine = 1;
  let startCol = 1;
  const advanceTo = (j: number) => {
    for (; i < j && i < n; i++) if (src.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  };
  const push = (end: number, type: SqlStatement['type']) => {
    const text = src.slice(start, end).trim();
    if (text) out.push({ text, line: startLine, column: startCol, type });
    start = -1;
  };
  while (i < n) {
    const c = src[i];
    if (start < 0) {
      if (/\s/.test(c)) { advanceTo(i + 1); continue; }
      if (c === '-' && src[i + 1] === '-') { const e = src.indexOf('\n', i); advanceTo(e < 0 ? n : e); continue; }
      if (c === '/' && src[i + 1] === '*') { advanceTo(skipBlockComment(src, i)); continue; }
      if (c === ';') { advanceTo(i + 1); continue; }
      start = i;
      startLine = line;
      startCol = i - lineStart + 1;
      if (c === '\\') {
        const e = src.indexOf('\n', i);
        advanceTo(e < 0 ? n : e);
        push(i, 'meta');
        continue;
      }
    }
    if (c === "'") {
      const escape = i > 0 && /[eE]/.test(src[i - 1]) && (i < 2 || !/[\w$]/.test(src[i - 2]));
      let j = i + 1;
      while (j < n) {
        if (escape && src[j] === '\\') j += 2;
        else if (src[j] === "'") { if (src[j + 1] === "'") j += 2; else break; }
        else j++;
      }
      advanceTo(j + 1);
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(src[j] === '"' && src[j + 1] !== '"')) j += src[j] === '"' ? 2 : 1;
      advanceTo(j + 1);
    } else if (c === '$' && !/[\w$]/.test(src[i - 1] ?? ' ')) {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(src.slice(i, i + 64));
      if (m) {
        const end = src.indexOf(m[0], i + m[0].length);
        advanceTo(end < 0 ? n : end + m[0].length);
      } else advanceTo(i + 1);
    } else if (c === '-' && src[i + 1] === '-') {
      const e = src.indexOf('\n', i);
      advanceTo(e < 0 ? n : e);
    } else if (c === '/' && src[i + 1] === '*') {
      advanceTo(skipBlockComment(src, i));
    } else if (c === ';') {
      const text = src.slice(start, i);
      if (/^\s*copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text)) {
        const m = /^\\\.[ \t]*$/m.exec(src.slice(i));
        const end = m ? i + m.index + m[0].length : n;
        advanceTo(end);
        push(end, 'copy-data');
        continue;
      }
      push(i, 'sql');
      advanceTo(i + 1);
    } else if (c === '\\' && /^\s*$/.test(src.slice(lineStart, i)) && start < lineStart) {
      // A psql meta-command on its own line ends the statement before it (like psql does).
      push(i, 'sql');
      continue;
    } else advanceTo(i + 1);
  }
  if (start >= 0) push(n, 'sql');
  return out;
}

function skipBlockComment(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    if (src[j] === '/' && src[j + 1] === '*') { depth++; j += 2; }
    else if (src[j] === '*' && src[j + 1] === '/') { depth--; j += 2; if (!depth) return j; }
    else j++;
  }
  return j;
}
