/**
 * A small tokenizer and expression parser for the inside of Prisma blocks: field declarations,
 * `@attr(...)` / `@@attr(...)` attributes and their arguments. Positions are offsets in the
 * string handed in, so callers can keep exact source text.
 */

export type Value =
  | { t: 'str'; v: string; src: string }
  | { t: 'num'; v: string; src: string }
  | { t: 'id'; v: string; src: string }
  | { t: 'call'; name: string; args: Arg[]; src: string }
  | { t: 'arr'; items: Value[]; src: string }
  /** `{ key: value, ... }` (a partial index's `where: { active: true }`). */
  | { t: 'obj'; entries: { key: string; value: Value }[]; src: string };

export interface Arg {
  key?: string;
  value: Value;
}

export interface Attr {
  /** Name without the `@`/`@@`, e.g. `db.VarChar`. */
  name: string;
  block: boolean;
  /** Arguments, or null when written without parentheses. */
  args: Arg[] | null;
  /** Exact source text of the attribute. */
  text: string;
}

export class ParseError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message);
  }
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_\-.]/;

export class Scanner {
  pos = 0;
  constructor(public readonly src: string) {}

  skipWs(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const ch = s[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') this.pos++;
      else break;
    }
  }

  peek(): string {
    return this.src[this.pos] ?? '';
  }

  atComment(): boolean {
    return this.src.startsWith('//', this.pos);
  }

  eof(): boolean {
    return this.pos >= this.src.length;
  }

  expect(ch: string): void {
    this.skipWs();
    if (this.src[this.pos] !== ch) throw new ParseError(`expected "${ch}"`, this.pos);
    this.pos++;
  }

  ident(): string {
    this.skipWs();
    const s = this.src;
    const start = this.pos;
    if (!IDENT_START.test(s[this.pos] ?? '')) throw new ParseError('expected a name', this.pos);
    while (this.pos < s.length && IDENT_CHAR.test(s[this.pos])) this.pos++;
    return s.slice(start, this.pos);
  }

  string(): string {
    const s = this.src;
    const start = this.pos;
    this.pos++;
    while (this.pos < s.length && s[this.pos] !== '"') {
      if (s[this.pos] === '\\') this.pos++;
      if (s[this.pos] === '\n') throw new ParseError('unterminated string', start);
      this.pos++;
    }
    if (this.pos >= s.length) throw new ParseError('unterminated string', start);
    this.pos++;
    return s.slice(start, this.pos);
  }

  value(): Value {
    this.skipWs();
    const start = this.pos;
    const ch = this.peek();
    if (ch === '"') {
      const src = this.string();
      return { t: 'str', v: unquote(src), src };
    }
    if (ch === '[') {
      const items: Value[] = [];
      this.list('[', ']', () => items.push(this.value()));
      return { t: 'arr', items, src: this.src.slice(start, this.pos) };
    }
    if (ch === '{') {
      const entries: { key: string; value: Value }[] = [];
      this.list('{', '}', () => {
        const key = this.ident();
        this.skipWs();
        this.expect(':');
        entries.push({ key, value: this.value() });
      });
      return { t: 'obj', entries, src: this.src.slice(start, this.pos) };
    }
    if (/[-0-9]/.test(ch)) {
      const m = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(this.src.slice(this.pos));
      if (!m) throw new ParseError('bad number', this.pos);
      this.pos += m[0].length;
      return { t: 'num', v: m[0], src: m[0] };
    }
    const name = this.ident();
    if (this.peek() === '(') {
      const args = this.args();
      return { t: 'call', name, args, src: this.src.slice(start, this.pos) };
    }
    return { t: 'id', v: name, src: name };
  }

  /** `( [key:] value, ... )`, starting at `(`. */
  args(): Arg[] {
    const out: Arg[] = [];
    this.list('(', ')', () => {
      const save = this.pos;
      let key: string | undefined;
      if (IDENT_START.test(this.peek())) {
        const id = this.ident();
        this.skipWs();
        if (this.peek() === ':') {
          this.pos++;
          key = id;
        } else this.pos = save;
      }
      out.push({ key, value: this.value() });
    });
    return out;
  }

  /** Comma-separated items between `open` (at the current position) and `close`; `item` reads one. */
  private list(open: string, close: string, item: () => void): void {
    this.expect(open);
    this.skipWs();
    while (this.peek() !== close) {
      if (this.eof()) throw new ParseError(`unclosed "${open}"`, this.pos);
      item();
      this.skipWs();
      if (this.peek() === ',') {
        this.pos++;
        this.skipWs();
      } else if (this.peek() !== close) throw new ParseError(`expected "," or "${close}"`, this.pos);
    }
    this.pos++;
  }

  /** An attribute starting at `@`. */
  attr(): Attr {
    const start = this.pos;
    let block = false;
    this.pos++;
    if (this.peek() === '@') {
      block = true;
      this.pos++;
    }
    const name = this.ident();
    let args: Arg[] | null = null;
    if (this.peek() === '(') args = this.args();
    return { name, block, args, text: this.src.slice(start, this.pos) };
  }
}

export function unquote(src: string): string {
  try {
    return JSON.parse(src) as string;
  } catch {
    return src.slice(1, -1).replace(/\\(.)/g, '$1');
  }
}

export function quote(s: string): string {
  return JSON.stringify(s);
}

/** A parsed field declaration (model field, composite field, or enum value when `type` is empty). */
export interface FieldLine {
  name: string;
  /** Type text as written, e.g. `String?`, `Post[]`, `Unsupported("x")?`. */
  type: string;
  baseType: string;
  /** For `Unsupported("...")`, the inner string. */
  unsupported?: string;
  optional: boolean;
  list: boolean;
  attrs: Attr[];
  /** Verbatim text of all attributes (from the first to the last). */
  attrsText: string;
  comment?: string;
}

/** Parses `name Type? @a @b(...) // comment`; `enumValue` skips the type. */
export function parseFieldLine(src: string, enumValue = false): FieldLine {
  const sc = new Scanner(src);
  const name = sc.ident();
  let type = '';
  let baseType = '';
  let unsupported: string | undefined;
  let optional = false;
  let list = false;
  if (!enumValue) {
    sc.skipWs();
    const tStart = sc.pos;
    baseType = sc.ident();
    if (baseType === 'Unsupported' && sc.peek() === '(') {
      const args = sc.args();
      const v = args[0]?.value;
      unsupported = v && v.t === 'str' ? v.v : '';
    }
    if (sc.src.startsWith('[]', sc.pos)) {
      list = true;
      sc.pos += 2;
    }
    if (sc.peek() === '?') {
      optional = true;
      sc.pos++;
    }
    type = src.slice(tStart, sc.pos);
  }
  const attrs: Attr[] = [];
  let attrStart = -1;
  let attrEnd = -1;
  for (;;) {
    sc.skipWs();
    if (sc.eof() || sc.atComment()) break;
    if (sc.peek() !== '@') throw new ParseError(`unexpected "${sc.peek()}"`, sc.pos);
    if (attrStart < 0) attrStart = sc.pos;
    attrs.push(sc.attr());
    attrEnd = sc.pos;
  }
  const comment = sc.atComment() ? src.slice(sc.pos).replace(/\s+$/, '') : undefined;
  return {
    name,
    type,
    baseType,
    unsupported,
    optional,
    list,
    attrs,
    attrsText: attrStart < 0 ? '' : src.slice(attrStart, attrEnd),
    comment,
  };
}

/** Parses a block attribute line `@@index(...) // comment`. */
export function parseBlockAttrLine(src: string): { attr: Attr; comment?: string } {
  const sc = new Scanner(src);
  sc.skipWs();
  const attr = sc.attr();
  sc.skipWs();
  if (!sc.eof() && !sc.atComment()) throw new ParseError(`unexpected "${sc.peek()}"`, sc.pos);
  const comment = sc.atComment() ? src.slice(sc.pos).replace(/\s+$/, '') : undefined;
  return { attr, comment };
}

/** Net bracket depth change of a line, ignoring strings and `//` comments. */
export function depthDelta(line: string): number {
  let d = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\') i++;
        i++;
      }
    } else if (ch === '/' && line[i + 1] === '/') break;
    else if (ch === '(' || ch === '[' || ch === '{') d++;
    else if (ch === ')' || ch === ']' || ch === '}') d--;
  }
  return d;
}
