import { StreamLanguage, type StreamParser } from '@codemirror/language';

/** A small Prisma syntax highlighter (keywords, types, attributes, strings, comments). */
const parser: StreamParser<{ inBlock: boolean }> = {
  startState: () => ({ inBlock: false }),
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match('///')) {
      stream.skipToEnd();
      return 'docComment';
    }
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^@@?[\w.]+/)) return 'meta';
    if (stream.match(/^(model|enum|datasource|generator|view|type)\b/)) return 'keyword';
    if (stream.match(/^(String|Boolean|Int|BigInt|Float|Decimal|DateTime|Json|Bytes|Unsupported)\b/)) return 'typeName';
    if (stream.match(/^(true|false|null)\b/)) return 'atom';
    if (stream.match(/^-?\d+(\.\d+)?/)) return 'number';
    if (stream.match(/^[A-Z]\w*/)) return 'className';
    if (stream.match(/^\w+/)) return 'variableName';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//' } },
};

export const prismaLanguage = StreamLanguage.define(parser);
