/**
 * The `schemata` command line. It calls the same lib/ functions as the app.
 * Errors print one clear line to stderr and exit non-zero; they never print a stack trace.
 */
import path from 'node:path';
import { FORMATS, formatById, formatForPath } from '../formats/registry';
import { formatDiagnostic, DiagnosticError } from '../schema/diagnostics';
import { withoutByteOrderMark } from '../formats/import';
import { isEmptyDocument } from '../schema/document';
import { CliError, readInput, statPath, writeOutput } from './io';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** Standard input, all of it (for the input `-`). */
  stdin?: () => Promise<string>;
}

const VERSION = '0.1.0';

export function helpText(): string {
  const readers = FORMATS.filter((f) => f.read).map((f) => `    ${f.id.padEnd(10)} ${f.description} (${f.extensions.join(', ')}${f.readsFolders ? ', or a folder' : ''})`);
  const writers = FORMATS.filter((f) => f.write).map((f) => `    ${f.id.padEnd(10)} ${f.description}`);
  return `schemata ${VERSION}: visual database-schema designer, command line

Usage:
  schemata convert <input> --to <format> [-o <out>] [--from <format>]
      Read <input> (a file, or a folder for multi-file schemas) and write it as <format>.
      The input format comes from the file extension; --from overrides it. An <input>
      of - reads standard input, with --from naming its format.
      Without -o the output goes to stdout. With several output files, or an <out> ending
      in a slash, -o names a folder.
      Warnings go to stderr.
  schemata formats       List the formats.
  schemata --help        Show this help.
  schemata --version     Show the version.

Input formats (chosen by file extension):
${readers.join('\n')}

Output formats (--to):
${writers.join('\n')}

Exit codes: 0 success, 1 bad input or failed conversion (errors reported, or nothing
could be imported; what could be read is still written), 2 wrong usage.
`;
}

interface ConvertArgs {
  input: string;
  to: string;
  out?: string;
  from?: string;
}

function parseConvertArgs(args: string[]): ConvertArgs {
  let input: string | undefined;
  let to: string | undefined;
  let out: string | undefined;
  let from: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('-')) throw new CliError(`${a} needs a value (see schemata --help)`, 2);
      return v;
    };
    if (a === '--to' || a === '-t') to = value();
    else if (a.startsWith('--to=')) to = a.slice(5);
    else if (a === '-o' || a === '--out') out = value();
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--from' || a === '-f') from = value();
    else if (a.startsWith('--from=')) from = a.slice(7);
    else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a} (see schemata --help)`, 2);
    else if (input === undefined) input = a;
    else throw new CliError(`unexpected argument ${a} (see schemata --help)`, 2);
  }
  if (!input) throw new CliError('convert needs an input file (see schemata --help)', 2);
  if (!to) throw new CliError('convert needs --to <format> (see schemata --help)', 2);
  return { input, to, out, from };
}

function readStdin(io: CliIo): Promise<string> {
  if (!io.stdin) throw new CliError('standard input is not available here', 2);
  return io.stdin();
}

async function convert(args: string[], io: CliIo): Promise<number> {
  const opts = parseConvertArgs(args);
  const target = formatById(opts.to);
  if (!target?.write) {
    const names = FORMATS.filter((f) => f.write).map((f) => f.id).join(', ');
    throw new CliError(`unknown output format "${opts.to}" (one of: ${names})`, 2);
  }
  const stdin = opts.input === '-';
  if (stdin && !opts.from) throw new CliError('reading standard input (-) needs --from <format>', 2);
  const inputPath = stdin ? '' : path.resolve(io.cwd, opts.input);
  const kind = stdin ? 'file' : await statPath(inputPath);
  if (kind === 'missing') throw new CliError(`${opts.input}: no such file or folder`);
  const source = opts.from ? formatById(opts.from) : formatForPath(inputPath, kind === 'dir');
  if (!source?.read) {
    if (opts.from) {
      const readable = FORMATS.filter((f) => f.read).map((f) => f.id).join(', ');
      throw new CliError(source ? `${opts.from} can be written, not read (--from is one of: ${readable})` : `unknown input format "${opts.from}" (one of: ${readable})`, 2);
    }
    throw new CliError(`${opts.input}: cannot tell the format from the name (use a known extension or --from)`);
  }
  const files = stdin ? [{ path: `stdin${source.extensions[0]}`, text: withoutByteOrderMark(await readStdin(io)) }] : await readInput(inputPath, source.extensions, opts.input);
  const imported = await source.read(files, { name: stdin ? 'stdin' : path.basename(inputPath).replace(/\.[^.]+$/, '') });
  const exported = await target.write(imported.document);
  const diagnostics = [...imported.diagnostics, ...exported.diagnostics];
  // Prisma to Prisma validates twice (reading and writing): each message once.
  for (const line of new Set(diagnostics.map(formatDiagnostic))) io.stderr(line + '\n');
  const doc = imported.document;
  const empty = isEmptyDocument(doc);
  // Errors, an input that gave nothing while statements in it failed, or an empty file (a wrong path, a
  // redirect that failed) are bad input: the output is still written (what could be read), and the exit
  // code says it is not the whole input. Statements skipped by design (GRANT, psql meta-commands,
  // data) are not failures, and the dump of an empty database is one.
  const errors = diagnostics.some((d) => d.severity === 'error');
  const blank = files.every((f) => !f.text.trim());
  const nothing = empty && (blank || diagnostics.some((d) => d.code === 'sql/failed'));
  if (nothing && !errors) io.stderr(`schemata: ${opts.input}: nothing could be imported (no tables, enums, views or other schema objects)\n`);
  const failed = errors || nothing;
  if (opts.out) {
    // A trailing slash says "folder", which path.resolve would drop.
    const out = path.resolve(io.cwd, opts.out) + (/[\\/]$/.test(opts.out) ? path.sep : '');
    const written = await writeOutput(out, exported.files);
    io.stderr(`wrote ${written.map((w) => path.relative(io.cwd, w) || w).join(', ')}\n`);
  } else if (exported.files.length === 1) {
    io.stdout(exported.files[0].text);
  } else {
    for (const f of exported.files) io.stdout(`// ---- ${f.path} ----\n${f.text}`);
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd) {
      // Wrong usage: the help goes where errors go.
      io.stderr(helpText());
      return 2;
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'formats') {
      for (const f of FORMATS) {
        io.stdout(`${f.id.padEnd(10)} ${[f.read ? 'read' : '', f.write ? 'write' : ''].filter(Boolean).join('+').padEnd(11)} ${f.description}\n`);
      }
      return 0;
    }
    if (cmd === 'convert') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(helpText());
        return 0;
      }
      return await convert(rest, io);
    }
    throw new CliError(`unknown command "${cmd}" (see schemata --help)`, 2);
  } catch (e) {
    const err = e as Error;
    const code = e instanceof CliError ? e.exitCode : 1;
    const message = e instanceof DiagnosticError ? err.message : err.message || String(e);
    io.stderr(`schemata: ${message.split('\n')[0]}\n`);
    return code;
  }
}
