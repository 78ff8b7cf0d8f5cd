/**
 * Splits a Prisma file into top-level pieces: runs of free text (blank lines, comments) and blocks
 * (`model`, `enum`, `view`, `type`, `generator`, `datasource`). Every line of the input ends up in
 * exactly one piece, so joining the pieces with `\n` gives back the input byte for byte.
 */
import { depthDelta } from './lexer';

export type BlockKind = 'model' | 'enum' | 'view' | 'type' | 'generator' | 'datasource';

export interface BodyEntry {
  /** One logical line; several physical lines when brackets span lines. */
  text: string;
  /** 1-based line number of its first physical line. */
  line: number;
}

export interface RawBlock {
  kind: BlockKind;
  name: string;
  /** `///` lines right above the header. */
  docLines: string[];
  header: string;
  body: BodyEntry[];
  /** The closing line (`}`), or '' for a one-line block. */
  footer: string;
  /** 1-based line of the first line (doc or header) and of the header. */
  startLine: number;
  headerLine: number;
  text: string;
}

export type Piece = { t: 'text'; text: string; startLine: number } | { t: 'block'; block: RawBlock };

export class BlockSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line: number,
    public readonly column: number,
  ) {
    super(message);
  }
}

const HEADER = /^(model|enum|view|type|generator|datasource)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/;

export function splitBlocks(text: string): Piece[] {
  const lines = text.split('\n');
  const pieces: Piece[] = [];
  let pending: string[] = [];
  let pendingStart = 1;
  const flush = (upTo: number) => {
    if (pending.length) pieces.push({ t: 'text', text: pending.join('\n'), startLine: pendingStart });
    pending = [];
    pendingStart = upTo;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    const m = HEADER.exec(trimmed);
    if (m) {
      // Doc comments directly above belong to the block.
      let d = pending.length;
      while (d > 0 && pending[d - 1].trim().startsWith('///')) d--;
      const docLines = pending.slice(d);
      pending = pending.slice(0, d);
      flush(i + 1 - docLines.length);
      const startLine = i + 1 - docLines.length;
      const headerLine = i + 1;
      const body: BodyEntry[] = [];
      let footer = '';
      const depth = depthDelta(line);
      i++;
      if (depth > 0) {
        let closed = false;
        while (i < lines.length) {
          const l = lines[i];
          const t = l.trim();
          if (depth === 1 && t.startsWith('}')) {
            footer = l;
            i++;
            closed = true;
            break;
          }
          if (t.startsWith('/*')) {
            const start = i;
            while (i < lines.length && !lines[i].includes('*/')) i++;
            body.push({ text: lines.slice(start, i + 1).join('\n'), line: start + 1 });
            i++;
            continue;
          }
          const start = i;
          let dd = depthDelta(l);
          i++;
          while (dd > 0 && i < lines.length && !lines[i].trim().startsWith('}')) {
            dd += depthDelta(lines[i]);
            i++;
          }
          if (dd > 0) throw new BlockSyntaxError('unclosed bracket', start + 1, unmatchedOpener(l) + 1);
          if (dd < 0) throw new BlockSyntaxError('unexpected closing bracket', start + 1, l.search(/[)\]}]/) + 1);
          body.push({ text: i === start + 1 ? l : lines.slice(start, i).join('\n'), line: start + 1 });
        }
        if (!closed) throw new BlockSyntaxError(`${m[1]} ${m[2]} is not closed (missing "}")`, headerLine, 1);
      }
      const blockLines = [...docLines, line, ...body.map((b) => b.text), ...(depth > 0 ? [footer] : [])];
      pieces.push({
        t: 'block',
        block: { kind: m[1] as BlockKind, name: m[2], docLines, header: line, body, footer, startLine, headerLine, text: blockLines.join('\n') },
      });
      pendingStart = i + 1;
      continue;
    }
    if (trimmed.startsWith('/*')) {
      while (i < lines.length && !lines[i].includes('*/')) pending.push(lines[i++]);
      if (i >= lines.length) throw new BlockSyntaxError('unterminated block comment', pendingStart, 1);
      pending.push(lines[i++]);
      continue;
    }
    if (trimmed !== '' && !trimmed.startsWith('//')) {
      throw new BlockSyntaxError(
        `unexpected text outside a block: "${trimmed.slice(0, 40)}" (expected model, enum, view, type, generator or datasource)`,
        i + 1,
        line.length - line.trimStart().length + 1,
      );
    }
    pending.push(line);
    i++;
  }
  flush(i + 1);
  return pieces;
}

/** Joins pieces back into file text. */
export function joinPieces(texts: string[]): string {
  return texts.join('\n');
}

/** Offset of the last bracket in a line that is never closed on that line. */
function unmatchedOpener(line: string): number {
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    } else if (ch === '/' && line[i + 1] === '/') break;
    else if ('([{'.includes(ch)) stack.push(i);
    else if (')]}'.includes(ch)) stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : 0;
}
