/**
 * Rewrites an SQL expression written for one provider (mostly PostgreSQL) into MySQL or SQLite:
 * drops `::type` casts, re-quotes identifiers, re-escapes strings, maps the functions that have an
 * equivalent (`now()`, `gen_random_uuid()`, `char_length()`, ...) and refuses everything else
 * (unknown functions, array syntax, PostgreSQL operators), so that what is written runs.
 * A small tokenizer, no parser: the expressions are defaults, checks and index expressions.
 */

export type ExprTarget = 'mysql' | 'sqlite';

export interface ExprResult {
  sql?: string;
  /** Why the expression cannot be written (when `sql` is undefined). */
  reason?: string;
  /** Notes about parts that were only approximated. */
  approximations: string[];
}

type Tok = { t: 'str' | 'qid' | 'id' | 'num' | 'op' | 'ws'; v: string; raw: string };

function tokenize(s: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const rest = s.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\s+/.exec(rest))) out.push({ t: 'ws', v: m[0], raw: m[0] });
    else if (/^[eEbBxXuU]&?'/.test(rest) && !/^[a-zA-Z_]/.test(s[i - 1] ?? '')) return 'escape-string or bit-string literal';
    else if (c === '$' && /^\$\w*\$/.test(rest)) return 'dollar-quoted string';
    else if (c === "'") {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= s.length) return 'unterminated string';
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            v += "'";
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      out.push({ t: 'str', v, raw: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= s.length) return 'unterminated identifier';
        if (s[j] === c) {
          if (s[j + 1] === c) {
            v += c;
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      out.push({ t: 'qid', v, raw: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    } else if ((m = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(rest))) out.push({ t: 'num', v: m[0], raw: m[0] });
    else if ((m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest))) out.push({ t: 'id', v: m[0], raw: m[0] });
    else if ((m = /^(::|<>|!=|<=|>=|\|\||->>|->|[-+*/%=<>(),.;~!@#^&|?:[\]])/.exec(rest))) {
      // Multi-character PostgreSQL operators (`~*`, `!~`, `@>`, `&&`, ...) are made of these; they are refused below.
      out.push({ t: 'op', v: m[0], raw: m[0] });
    } else return `unexpected character ${c}`;
    i += out[out.length - 1].raw.length;
  }
  return out;
}

/** Type words that can follow a first type word in a cast (`character varying`, `timestamp with time zone`). */
const TYPE_WORDS = new Set(['varying', 'without', 'with', 'time', 'zone', 'precision']);
const REFUSED_WORDS = new Set(['array', 'ilike', 'similar', 'any', 'some', 'at', 'operator', 'collate', 'overlaps', 'row', 'current_user', 'session_user', 'user', 'current_role', 'current_schema', 'current_catalog', 'localtime']);
/** Words of an expression's syntax, written as they are; any other bare word is a column name, quoted for the target. */
const SYNTAX_WORDS = new Set([
  'and', 'or', 'not', 'is', 'null', 'true', 'false', 'in', 'between', 'symmetric', 'case', 'when', 'then', 'else', 'end',
  'isnull', 'notnull', 'as', 'current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'from', 'for', 'both', 'leading', 'trailing',
]);
/** Syntax words that a `(` may follow without making a call: `AND (a > 0)`, `NOT (x)`, `WHEN (a) THEN`. */
const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'when', 'then', 'else', 'in', 'is', 'case', 'between', 'symmetric', 'as', 'from', 'for']);
/** After IS / IS NOT: tests one or both targets lack (IS DISTINCT FROM, IS UNKNOWN, IS JSON, IS NORMALIZED, ...). */
const IS_REFUSED: Record<ExprTarget, Set<string>> = {
  mysql: new Set(['distinct', 'json', 'document', 'normalized', 'nfc', 'nfd', 'nfkc', 'nfkd']),
  sqlite: new Set(['unknown', 'json', 'document', 'normalized', 'nfc', 'nfd', 'nfkc', 'nfkd']),
};
/** Numeric types: a string literal cast to one is a number (PostgreSQL writes -1 as '-1'::integer). */
const NUMERIC_CAST = /^(int|int2|int4|int8|integer|smallint|bigint|numeric|decimal|real|float4|float8|float|double)$/i;
/** SQL-standard function syntax (`TRIM(BOTH FROM x)`, `SUBSTRING(x FROM 1 FOR 2)`) that SQLite lacks. */
const STANDARD_SYNTAX_WORDS = new Set(['from', 'for', 'both', 'leading', 'trailing']);
const REFUSED_OPS = new Set(['~', '!', '@', '#', '^', '&', '|', '?', '[', ']', ';', ':', '->', '->>']);

const UUID_SQLITE =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
const UUID_FUNCS = new Set(['gen_random_uuid', 'uuid_generate_v4', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuidv4', 'uuidv7', 'uuid']);
const NOW_FUNCS = new Set(['now', 'transaction_timestamp', 'statement_timestamp', 'clock_timestamp', 'current_timestamp', 'localtimestamp']);

/** Functions that exist with the same meaning in the target (lower-case names). */
const COMMON = ['abs', 'coalesce', 'nullif', 'lower', 'upper', 'length', 'trim', 'ltrim', 'rtrim', 'replace', 'round', 'instr', 'hex'];
const FUNCS: Record<ExprTarget, Set<string>> = {
  mysql: new Set([...COMMON, 'char_length', 'character_length', 'concat', 'substring', 'substr', 'greatest', 'least', 'floor', 'ceil', 'ceiling', 'mod', 'json_valid', 'json_object', 'json_array', 'curdate', 'curtime', 'current_date', 'current_time', 'utc_timestamp', 'if', 'ifnull', 'left', 'right', 'md5', 'year', 'month', 'day']),
  sqlite: new Set([...COMMON, 'substr', 'ifnull', 'iif', 'max', 'min', 'json', 'json_valid', 'json_object', 'json_array', 'datetime', 'date', 'time', 'julianday', 'strftime', 'unixepoch', 'random', 'randomblob', 'typeof', 'glob', 'like', 'printf', 'format', 'unicode', 'char', 'quote', 'zeroblob']),
};
/** Renamed functions. */
const RENAMED: Record<ExprTarget, Record<string, string>> = {
  // PostgreSQL's length() of text counts characters; MySQL's counts bytes.
  mysql: { length: 'char_length', random: 'rand' },
  sqlite: { char_length: 'length', character_length: 'length', substring: 'substr', greatest: 'max', least: 'min', ceil: 'ceiling' },
};

const VOLATILE = new Set(['current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'localtime', 'random', 'randomblob', 'curdate', 'curtime', 'utc_timestamp']);

const ZONED_TYPE = /^\s*(pg_catalog\s*\.\s*)?(timestamptz|timetz|(timestamp|time)\s*(\(\s*\d+\s*\))?\s+with\s+time\s+zone)\b/i;

/**
 * A PostgreSQL timestamp or time with a UTC offset (`2017-12-14 01:02:30+00`, `10:00:00-05:30`) as
 * the same instant in UTC without the offset; anything else as given.
 */
export function inUtc(v: string): string {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(?:Z|([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)$/i.exec(v.trim());
  if (!m) return v;
  const [, y, mo, d, h, mi, sec, frac = '', sign, oh = '0', om = '0', os = '0'] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os));
  if (!y) {
    const t = (((Number(h) * 3600 + Number(mi) * 60 + Number(sec) - offset) % 86400) + 86400) % 86400;
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}:${two(t % 60)}${frac}`;
  }
  // setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  if (date.getUTCMonth() !== Number(mo) - 1) return v; // not a date (February 30th)
  date.setUTCHours(Number(h), Number(mi), Number(sec) - offset);
  const iso = date.toISOString();
  return /^\d{4}-/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac}` : v;
}

/** The index of the bracket closing the one at `open` (strings and quoted names skipped), or -1. */
function closing(s: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === ')' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (!stack.length) return i;
    }
  }
  return -1;
}

/**
 * PostgreSQL writes `x IN ('a', 'b')` as `x = ANY (ARRAY['a', 'b'])` (and NOT IN as `<> ALL (...)`),
 * with casts around: back to IN lists, which MySQL and SQLite have.
 */
function arrayInLists(expr: string): string {
  const re = /(=|<>)\s*(ANY|ALL)\s*\(/gi;
  let out = expr;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    const inList = (m[1] === '=' && m[2].toUpperCase() === 'ANY') || (m[1] === '<>' && m[2].toUpperCase() === 'ALL');
    const open = m.index + m[0].length - 1;
    const close = closing(out, open);
    if (!inList || close < 0) continue;
    const inner = out.slice(open + 1, close);
    const arr = /ARRAY\s*\[/i.exec(inner);
    if (!arr) continue;
    const start = open + 1 + arr.index + arr[0].length - 1;
    const end = closing(out, start);
    // Only brackets, parentheses and casts around the ARRAY[...]: (ARRAY[...])::text[].
    const rest = out.slice(end + 1, close).replace(/::\s*[\w ]+(\(\d+\))?(\[\])?|[()\s]/gi, '');
    const lead = inner.slice(0, arr.index).replace(/[(\s]/g, '');
    if (end < 0 || rest || lead) continue;
    const replacement = `${m[1] === '=' ? 'IN' : 'NOT IN'} (${out.slice(start + 1, end)})`;
    out = out.slice(0, m.index) + replacement + out.slice(close + 1);
    re.lastIndex = m.index + replacement.length;
  }
  return out;
}

/**
 * `expr` (written for another provider) in `target`'s SQL. `deterministic`: refuse functions whose
 * value changes between calls (checks, index expressions and generated columns need that).
 */
export function translateExpression(
  expr: string,
  target: ExprTarget,
  quote: (name: string) => string,
  stringLiteral: (v: string) => string,
  deterministic = false,
): ExprResult {
  const approximations: string[] = [];
  const fail = (reason: string): ExprResult => ({ reason, approximations });
  const toks = tokenize(arrayInLists(expr.trim()));
  if (typeof toks === 'string') return fail(toks);
  const next = (i: number) => {
    let j = i + 1;
    while (toks[j]?.t === 'ws') j++;
    return j;
  };
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.t === 'ws' || tok.t === 'num') {
      out.push(tok.raw);
      continue;
    }
    if (tok.t === 'str') {
      // A literal cast to a type with a time zone: the target's DATETIME / TIME take no offset.
      const zoned = toks[next(i)]?.v === '::' && ZONED_TYPE.test(toks.slice(next(i) + 1, next(i) + 12).map((t) => t.raw).join(''));
      const v = zoned ? inUtc(tok.v) : tok.v;
      if (v !== tok.v && !approximations.includes('time zone offset converted to UTC')) approximations.push('time zone offset converted to UTC');
      // A number written as a string with a cast: the number itself (without the cast, '-1' would be text).
      const castTo = toks[next(i)]?.v === '::' ? toks[next(next(i))] : undefined;
      if (castTo?.t === 'id' && NUMERIC_CAST.test(castTo.v) && /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v.trim())) {
        out.push(v.trim());
        continue;
      }
      out.push(stringLiteral(v));
      continue;
    }
    // A quoted name is a column, or a function whose name is a keyword in PostgreSQL ("substring"(...), "left"(...)).
    if (tok.t === 'qid' && toks[next(i)]?.v !== '(') {
      out.push(quote(tok.v));
      continue;
    }
    if (tok.t === 'op') {
      if (tok.v === '::') {
        // Drop the cast: a type name (possibly several words, qualified or quoted), `(args)`, `[]`.
        let j = next(i);
        if (toks[j]?.t !== 'id' && toks[j]?.t !== 'qid') return fail('cast without a type');
        // The literal means something else without its type: '1 day' is no interval, '\x01' no bytes.
        if (/^(interval|bytea)$/i.test(toks[j].v)) return fail(`cast to ${toks[j].v.toLowerCase()}`);
        while (toks[next(j)]?.v === '.' && ['id', 'qid'].includes(toks[next(next(j))]?.t)) j = next(next(j));
        while (toks[next(j)]?.t === 'id' && TYPE_WORDS.has(toks[next(j)].v.toLowerCase())) j = next(j);
        if (toks[next(j)]?.v === '(') {
          j = next(j);
          while (j < toks.length && toks[j].v !== ')') j++;
          // `timestamp(3) with time zone`: the words after the precision.
          while (toks[next(j)]?.t === 'id' && TYPE_WORDS.has(toks[next(j)].v.toLowerCase())) j = next(j);
        }
        while (toks[next(j)]?.v === '[' && toks[next(next(j))]?.v === ']') j = next(next(j));
        if (!approximations.includes('casts dropped')) approximations.push('casts dropped');
        i = j;
        continue;
      }
      if (REFUSED_OPS.has(tok.v)) return fail(`operator ${tok.v}`);
      if (tok.v === '||' && target === 'mysql') return fail('|| string concatenation');
      if (tok.v === '/' && target === 'mysql' && !approximations.includes('/ divides as decimals in MySQL (PostgreSQL divides integers as integers)')) {
        approximations.push('/ divides as decimals in MySQL (PostgreSQL divides integers as integers)');
      }
      out.push(tok.raw);
      continue;
    }
    // identifier
    const lower = tok.v.toLowerCase();
    if (deterministic && (VOLATILE.has(lower) || NOW_FUNCS.has(lower) || UUID_FUNCS.has(lower))) return fail(`non-deterministic ${lower}`);
    const j = next(i);
    const isCall = toks[j]?.v === '(' && !(tok.t === 'id' && OPERATOR_WORDS.has(lower));
    // What came before, only for the words that follow IS / IS NOT / IS DISTINCT (joined once, not per word).
    const before = tok.t === 'id' && (IS_REFUSED[target].has(lower) || lower === 'unknown' || lower === 'distinct' || lower === 'from') ? out.join('').trimEnd().toLowerCase() : '';
    if (tok.t === 'id' && /\bis(\s+not)?$/.test(before)) {
      if (IS_REFUSED[target].has(lower)) return fail(`IS ${tok.v.toUpperCase()}`);
      if (lower === 'unknown' || lower === 'distinct') {
        out.push(tok.raw);
        continue;
      }
    }
    if (tok.t === 'id' && lower === 'from' && /\bis(\s+not)?\s+distinct$/.test(before)) {
      out.push(tok.raw);
      continue;
    }
    // A typed literal (interval '1 day', date '2020-01-01'): its meaning is in the type word.
    if (tok.t === 'id' && !isCall && toks[j]?.t === 'str' && !SYNTAX_WORDS.has(lower)) return fail(`typed literal ${lower} '...'`);
    if (!isCall) {
      if (toks[j]?.v === '.' && ['pg_catalog', 'public', 'extensions'].includes(lower) && toks[next(j)]?.t === 'id' && toks[next(next(j))]?.v === '(') {
        i = j; // a schema-qualified function: drop the schema
        continue;
      }
      if (REFUSED_WORDS.has(lower)) return fail(lower.toUpperCase());
      if (target === 'sqlite' && STANDARD_SYNTAX_WORDS.has(lower)) return fail(`${lower.toUpperCase()} in a function's arguments`);
      if (lower === 'localtimestamp') {
        out.push('CURRENT_TIMESTAMP');
        continue;
      }
      // A bare word that is not syntax is a column (PostgreSQL leaves unreserved keywords such as key or index unquoted).
      out.push(SYNTAX_WORDS.has(lower) || tok.t === 'qid' ? tok.raw : quote(tok.v));
      continue;
    }
    if (NOW_FUNCS.has(lower)) {
      const close = next(j);
      if (toks[close]?.v !== ')') return fail(`${lower}() with arguments`);
      out.push('CURRENT_TIMESTAMP');
      i = close;
      continue;
    }
    if (UUID_FUNCS.has(lower)) {
      const close = next(j);
      if (toks[close]?.v !== ')') return fail(`${lower}() with arguments`);
      out.push(target === 'mysql' ? 'uuid()' : UUID_SQLITE);
      if (lower !== 'gen_random_uuid' && lower !== 'uuid_generate_v4' && lower !== 'uuidv4' && lower !== 'uuid') approximations.push(`${lower}() written as a random (version 4) UUID`);
      i = close;
      continue;
    }
    // SQLite's random() is a 64-bit integer; PostgreSQL's is in [0, 1).
    if (lower === 'random' && target === 'sqlite' && toks[next(j)]?.v === ')') {
      out.push('(abs(random()) / 9223372036854775808.0)');
      i = next(j);
      continue;
    }
    if ((lower === 'greatest' || lower === 'least') && !approximations.includes(`${lower}() is NULL when an argument is NULL`)) {
      approximations.push(`${lower}() is NULL when an argument is NULL`);
    }
    // concat() skips NULLs in PostgreSQL; MySQL's is NULL then, CONCAT_WS('', ...) skips them.
    if (lower === 'concat' && target === 'mysql' && toks[next(j)]?.v !== ')') {
      out.push("concat_ws('', ");
      i = j;
      continue;
    }
    const renamed = RENAMED[target][lower];
    if (!renamed && !FUNCS[target].has(lower)) return fail(`function ${tok.v}()`);
    out.push(renamed ?? (tok.t === 'qid' ? tok.v : tok.raw));
  }
  return { sql: out.join(''), approximations };
}
