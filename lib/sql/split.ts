/**
 * Splits PostgreSQL script text into statements, with 1-based line/column of each. Understands
 * quotes ('', E'', ""), dollar quoting, -- and nested /* comments, psql meta-commands (`\connect`),
 * and `COPY ... FROM stdin` data blocks (ended by `\.`). It does not parse SQL.
 *
 * One pass over char codes; ordinary text and plain strings are skipped by one regex step, other
 * quoted text with indexOf, and lines are counted only up to statement starts, so large dumps
 * split fast.
 */

export interface SqlStatement {
  /** Statement text without the trailing `;` and without leading comments. */
  text: string;
  line: number;
  column: number;
  /** `meta`: a psql meta-command; `copy-data`: COPY FROM stdin including its data. */
  type: 'sql' | 'meta' | 'copy-data';
}

const SPACE_RE = /\s/;
/**
 * What the `default` case skips in one regex step (native code; most of a dump's data is this):
 * characters that cannot start a quote, comment, dollar tag, meta-command or statement end, a lone
 * `-` or `/`, and plain '…' strings (one not after an E, which may be an E'…' escape string; a
 * doubled quote is two adjacent strings). Anything else is left to the loop. The repeat is bounded:
 * each repetition holds a backtrack entry, and an unbounded one overflows the stack on a 30 MB INSERT.
 */
const ORDINARY = /(?:[^'"$\-/;\\]+|-(?!-)|\/(?!\*)|(?<![Ee])'[^']*'){1,1000}/y;
const COPY_STDIN_RE = /^\s*copy\b[\s\S]*\bfrom\s+stdin\b/i;
const DOLLAR_TAG_RE = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 255 && SPACE_RE.test(String.fromCharCode(c)));
}

/** `[\w$]` */
function isWordOrDollar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** Index of the closing quote `q` (a doubled quote is part of the text), or the end. */
function closingQuote(src: string, from: number, q: string): number {
  const code = q.charCodeAt(0);
  for (let j = from; ; ) {
    const k = src.indexOf(q, j);
    if (k < 0) return src.length;
    if (src.charCodeAt(k + 1) === code) j = k + 2;
    else return k;
  }
}

export function splitStatements(src: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  const n = src.length;
  // Statement starts only move forward: lines are counted from the previous start, newline by newline.
  let line = 1;
  let lineStart = 0;
  /** The first newline not yet counted (n when there is none): many statements on one line search once. */
  let nextNl = -1;
  const locate = (pos: number) => {
    if (nextNl < 0) {
      const first = src.indexOf('\n');
      nextNl = first < 0 ? src.length : first;
    }
    let ln = line;
    let ls = lineStart;
    let k = nextNl;
    while (k < pos) {
      ln++;
      ls = k + 1;
      const j = src.indexOf('\n', ls);
      k = j < 0 ? src.length : j;
    }
    nextNl = k;
    line = ln;
    lineStart = ls;
    return { line: ln, column: pos - ls + 1 };
  };
  let i = 0;
  let start = -1;
  const push = (end: number, type: SqlStatement['type']) => {
    const text = src.slice(start, end).trim();
    if (text) {
      const { line, column } = locate(start);
      out.push({ text, line, column, type });
    }
    start = -1;
  };
  const lineEnd = (from: number) => {
    const e = src.indexOf('\n', from);
    return e < 0 ? n : e;
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    if (start < 0) {
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c === 45 && src.charCodeAt(i + 1) === 45) {
        i = lineEnd(i);
        continue;
      }
      if (c === 47 && src.charCodeAt(i + 1) === 42) {
        i = skipBlockComment(src, i);
        continue;
      }
      if (c === 59) {
        i++;
        continue;
      }
      start = i;
      if (c === 92) {
        i = lineEnd(i);
        push(i, 'meta');
        continue;
      }
    }
    switch (c) {
      case 39: {
        // '…', or E'…' with backslash escapes.
        const prev = i > 0 ? src.charCodeAt(i - 1) : 0;
        const escape = (prev === 69 || prev === 101) && (i < 2 || !isWordOrDollar(src.charCodeAt(i - 2)));
        let j = i + 1;
        if (!escape) j = closingQuote(src, j, "'");
        else {
          while (j < n) {
            const d = src.charCodeAt(j);
            if (d === 92) j += 2;
            else if (d === 39) {
              if (src.charCodeAt(j + 1) === 39) j += 2;
              else break;
            } else j++;
          }
        }
        i = Math.min(j + 1, n);
        break;
      }
      case 34:
        i = Math.min(closingQuote(src, i + 1, '"') + 1, n);
        break;
      case 36: {
        if (i > 0 && isWordOrDollar(src.charCodeAt(i - 1))) {
          i++;
          break;
        }
        const m = DOLLAR_TAG_RE.exec(src.slice(i, i + 64));
        if (m) {
          const end = src.indexOf(m[0], i + m[0].length);
          i = end < 0 ? n : end + m[0].length;
        } else i++;
        break;
      }
      case 45:
        i = src.charCodeAt(i + 1) === 45 ? lineEnd(i) : i + 1;
        break;
      case 47:
        i = src.charCodeAt(i + 1) === 42 ? skipBlockComment(src, i) : i + 1;
        break;
      case 59: {
        const first = src.charCodeAt(start) | 32;
        const sofar = first === 99 /* c */ ? src.slice(start, i) : '';
        // A function body in BEGIN ATOMIC ... END (PostgreSQL 14+) holds statements: its ; end them, not the CREATE.
        if (sofar && insideAtomicBody(sofar)) {
          i++;
          break;
        }
        // A rule's actions in parentheses are statements too: psql ends a statement only outside parentheses.
        if (sofar && insideRuleActions(sofar)) {
          i++;
          break;
        }
        if (sofar && COPY_STDIN_RE.test(sofar)) {
          const m = /^\\\.[ \t]*$/m.exec(src.slice(i));
          const end = m ? i + m.index + m[0].length : n;
          i = end;
          push(end, 'copy-data');
          continue;
        }
        push(i, 'sql');
        i++;
        break;
      }
      case 92: {
        // A psql meta-command on its own line ends the statement before it (like psql does).
        const ls = src.lastIndexOf('\n', i - 1) + 1;
        let blank = true;
        for (let k = ls; k < i; k++) if (!isSpace(src.charCodeAt(k))) blank = false;
        if (blank && start < ls) {
          push(i, 'sql');
          continue;
        }
        i++;
        break;
      }
      default:
        // Skip the run of characters that cannot start a quote, comment, dollar tag, meta-command or
        // statement end in one step (a regex scan is native code; most of a dump's data is such runs).
        ORDINARY.lastIndex = i + 1;
        i = ORDINARY.test(src) ? ORDINARY.lastIndex : i + 1;
    }
  }
  if (start >= 0) push(n, 'sql');
  return out;
}

const ROUTINE_RE = /^create\s+(?:or\s+replace\s+)?(?:function|procedure)\b/i;
const ATOMIC_RE = /\bbegin\s+atomic\b/i;

/**
 * Whether `text` (a statement so far, up to a `;`) is a CREATE FUNCTION / PROCEDURE whose
 * `BEGIN ATOMIC` body is still open: BEGIN and CASE open a block, END closes one (as psql counts).
 */
function insideAtomicBody(text: string): boolean {
  if (!ROUTINE_RE.test(text)) return false;
  const atomic = ATOMIC_RE.exec(text);
  if (!atomic) return false;
  // Strings, quoted names and comments hold no keywords.
  const body = stripQuoted(text.slice(atomic.index + atomic[0].length));
  let depth = 1;
  for (const m of body.matchAll(/\b(begin|case|end)\b/gi)) depth += m[1].toLowerCase() === 'end' ? -1 : 1;
  return depth > 0;
}

const RULE_RE = /^create\s+(?:or\s+replace\s+)?rule\b/i;

/** Whether `text` (a statement so far, up to a `;`) is a CREATE RULE with a parenthesis still open, as in `DO ALSO (a; b)`. */
function insideRuleActions(text: string): boolean {
  if (!RULE_RE.test(text)) return false;
  let depth = 0;
  for (const m of stripQuoted(text).matchAll(/[()]/g)) depth += m[0] === '(' ? 1 : -1;
  return depth > 0;
}

/** `text` with its strings, quoted names, dollar-quoted bodies and comments (nested ones too) blanked: they hold no keywords or parentheses. */
function stripQuoted(text: string): string {
  const re = /(?<![\w$])[Ee]'(?:[^'\\]|\\[\s\S]|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$|--[^\n]*|\/\*/g;
  let out = '';
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m[0] === '/*' ? skipBlockComment(text, m.index) : m.index + m[0].length;
    out += `${text.slice(from, m.index)} `;
    from = re.lastIndex = end;
  }
  return out + text.slice(from);
}

function skipBlockComment(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    const d = src.charCodeAt(j + 1);
    if (c === 47 && d === 42) {
      depth++;
      j += 2;
    } else if (c === 42 && d === 47) {
      depth--;
      j += 2;
      if (!depth) return j;
    } else j++;
  }
  return j;
}
