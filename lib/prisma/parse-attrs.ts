/** Maps parsed attribute arguments to document values (defaults, index columns, actions). */
import type { DefaultValue, IndexColumn, IndexMethod, ReferentialAction } from '../schema/types';
import type { Arg, Value } from './lexer';
import { opsToSql } from './print';

export function argValue(args: Arg[] | null, key: string, position?: number): Value | undefined {
  if (!args) return undefined;
  const named = args.find((a) => a.key === key);
  if (named) return named.value;
  if (position === undefined) return undefined;
  const positional = args.filter((a) => !a.key);
  return positional[position]?.value;
}

export function strArg(args: Arg[] | null, key: string, position?: number): string | undefined {
  const v = argValue(args, key, position);
  return v && v.t === 'str' ? v.v : undefined;
}

export function boolArg(args: Arg[] | null, key: string): boolean | undefined {
  const v = argValue(args, key);
  return v && v.t === 'id' && (v.v === 'true' || v.v === 'false') ? v.v === 'true' : undefined;
}

export function listNames(v: Value | undefined): string[] | undefined {
  if (!v || v.t !== 'arr') return undefined;
  const out: string[] = [];
  for (const item of v.items) {
    if (item.t !== 'id') return undefined;
    out.push(item.v);
  }
  return out;
}

const ACTIONS: Record<string, ReferentialAction> = {
  Cascade: 'cascade',
  Restrict: 'restrict',
  NoAction: 'no-action',
  SetNull: 'set-null',
  SetDefault: 'set-default',
};

export function actionArg(args: Arg[] | null, key: string): ReferentialAction | undefined | null {
  const v = argValue(args, key);
  if (!v) return undefined;
  return v.t === 'id' && ACTIONS[v.v] ? ACTIONS[v.v] : null;
}

const METHODS: Record<string, IndexMethod> = { BTree: 'btree', Hash: 'hash', Gin: 'gin', Gist: 'gist', SpGist: 'spgist', Brin: 'brin' };

export function methodArg(args: Arg[] | null): IndexMethod | undefined | null {
  const v = argValue(args, 'type');
  if (!v) return undefined;
  return v.t === 'id' && METHODS[v.v] ? METHODS[v.v] : null;
}

function literalOf(v: Value): string | number | boolean | undefined {
  if (v.t === 'str') return v.v;
  if (v.t === 'num') return String(Number(v.v)) === v.v ? Number(v.v) : v.v;
  if (v.t === 'id') return v.v === 'true' ? true : v.v === 'false' ? false : v.v;
  return undefined;
}

const FUNCTIONS = new Set(['autoincrement', 'sequence', 'now', 'uuid', 'cuid', 'nanoid', 'ulid', 'auto']);

/** A `@default(...)` value, or undefined when the model cannot express it. */
export function parseDefault(v: Value, isEnum: boolean): DefaultValue | undefined {
  switch (v.t) {
    case 'call': {
      if (v.name === 'dbgenerated') {
        if (v.args.length === 0) return { kind: 'sql', expression: '' };
        const a = v.args[0].value;
        return a.t === 'str' && v.args.length === 1 && !v.args[0].key ? { kind: 'sql', expression: a.v } : undefined;
      }
      if (!FUNCTIONS.has(v.name)) return undefined;
      return { kind: 'function', name: v.name, args: v.args.map((a) => (a.key ? `${a.key}: ` : '') + a.value.src) };
    }
    case 'arr': {
      const values: (string | number | boolean)[] = [];
      for (const item of v.items) {
        const lit = literalOf(item);
        if (lit === undefined) return undefined;
        values.push(lit);
      }
      return { kind: 'list', values };
    }
    case 'id':
      if (v.v === 'true' || v.v === 'false') return { kind: 'literal', value: v.v === 'true' };
      return isEnum ? { kind: 'enum', value: v.v } : undefined;
    default: {
      const lit = literalOf(v);
      return lit === undefined ? undefined : { kind: 'literal', value: lit };
    }
  }
}

/** Index field list items: `a`, `a(sort: Desc, length: 10, ops: raw("x"))`. Undefined if unknown. */
export function parseIndexColumns(
  v: Value | undefined,
  columnId: (name: string) => string | undefined,
): IndexColumn[] | undefined {
  if (!v) return undefined;
  const items = v.t === 'arr' ? v.items : [v];
  const out: IndexColumn[] = [];
  for (const item of items) {
    const name = item.t === 'id' ? item.v : item.t === 'call' ? item.name : undefined;
    const id = name === undefined ? undefined : columnId(name);
    if (!id) return undefined;
    const ic: IndexColumn = { column: id };
    if (item.t === 'call') {
      for (const a of item.args) {
        const val = a.value;
        if (a.key === 'sort' && val.t === 'id' && (val.v === 'Asc' || val.v === 'Desc')) ic.sort = val.v === 'Desc' ? 'desc' : 'asc';
        else if (a.key === 'length' && val.t === 'num') ic.length = Number(val.v);
        else if (a.key === 'ops' && val.t === 'id') ic.ops = opsToSql(val.v);
        else if (a.key === 'ops' && val.t === 'call' && val.name === 'raw' && val.args[0]?.value.t === 'str') {
          ic.ops = val.args[0].value.v;
        } else return undefined;
      }
    }
    out.push(ic);
  }
  return out.length ? out : undefined;
}
