/**
 * How the inspector edits a column, as pure functions: the type picker's choices, the
 * auto-value setting (autoincrement or identity), and the label a column's type shows with.
 */
import { mayBeNull } from './document';
import { nativeTypeInfo } from './native-types';
import type { Column, ColumnType, DefaultValue, SchemaDocument } from './types';

/** A type picker choice: `scalar:String`, `enum:<id>`, `pg:VarChar`, `domain` or `unsupported`. */
export function typeChoiceOf(t: ColumnType): string {
  if (t.domain) return 'domain';
  if (t.kind === 'Enum') return `enum:${t.enumId}`;
  if (t.native && nativeTypeInfo(t.native.name)) return `pg:${t.native.name}`;
  if (t.kind === 'Unsupported') return 'unsupported';
  return `scalar:${t.kind}`;
}

const DEFAULT_ARGS = { none: [], length: ['255'], precision: ['6'], 'precision-scale': ['10', '2'] } as const;

/** The type a choice stands for; keeps the list flag, and the arguments when the native type stays. */
export function typeFromChoice(choice: string, prev: ColumnType): ColumnType {
  const array = prev.array ? { array: true } : {};
  const [k, name] = choice.split(':');
  if (k === 'enum') return { kind: 'Enum', enumId: name, ...array };
  if (k === 'pg') {
    const info = nativeTypeInfo(name);
    if (!info) return prev;
    const args = info.args === 'none' ? [] : prev.native?.name === name ? prev.native.args : [...DEFAULT_ARGS[info.args]];
    return { kind: info.base, native: { name, args }, ...array };
  }
  if (k === 'unsupported' || k === 'domain') return prev;
  return { kind: name as ColumnType['kind'], ...array };
}

export type AutoValue = 'none' | 'autoincrement' | 'always' | 'by-default';

const AUTOINCREMENT: DefaultValue = { kind: 'function', name: 'autoincrement', args: [] };
const isAutoincrement = (d: DefaultValue | undefined) => d?.kind === 'function' && d.name === 'autoincrement';

export function autoValueOf(c: Column): AutoValue {
  return c.identity ? c.identity.generation : isAutoincrement(c.default) ? 'autoincrement' : 'none';
}

/** The default and identity a column gets for an auto-value setting; a plain default survives `none`. */
export function withAutoValue(c: Column, a: AutoValue): Pick<Column, 'default' | 'identity'> {
  if (a === 'autoincrement') return { identity: undefined, default: AUTOINCREMENT };
  if (a === 'none') return { identity: undefined, default: isAutoincrement(c.default) ? undefined : c.default };
  return { identity: { generation: a }, default: undefined };
}

/** The native type whose arguments (length, precision) the inspector edits; none for a domain column, whose type is the domain's. */
export function editableNativeType(t: ColumnType): ReturnType<typeof nativeTypeInfo> {
  return t.native && !t.domain ? nativeTypeInfo(t.native.name) : undefined;
}

/**
 * The type as Prisma writes it (`String? @db.VarChar(255)`, `Int[]`), with enum names resolved; a
 * domain column shows its domain, and a type Prisma does not support its SQL type (`public.` left
 * out of both: `geometry(Polygon,4326)`). A list is never optional in Prisma (a
 * nullable array column is `Int[]`), so it shows no `?`.
 */
export function columnTypeLabel(doc: Pick<SchemaDocument, 'enums'>, c: Column): string {
  const t = c.type;
  let base: string = t.kind === 'Enum' ? (doc.enums[t.enumId ?? '']?.name ?? 'enum') : t.kind === 'Unsupported' ? (t.unsupported ?? '?').replace(/^public\./, '') : t.kind;
  if (t.domain) base = t.domain.replace(/^public\./, '').replace(/^"([^"]*)"$/, '$1');
  const native = !t.domain && t.native ? ` @db.${t.native.name}${t.native.args.length ? `(${t.native.args.join(',')})` : ''}` : '';
  return `${base}${t.array ? '[]' : mayBeNull(c) ? '?' : ''}${native}`;
}
