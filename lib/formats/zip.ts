/**
 * A ZIP archive of text files (stored, not compressed: schema files are small), for downloading a
 * multi-file Prisma schema in one piece with its folders. Names are UTF-8 (general purpose flag 11).
 */
import type { SourceFile } from './types';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date of `at` (local time, two-second steps, from 1980). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(at.getFullYear(), 1980);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** The archive of `files` (paths use `/`; a leading `/` is dropped). */
export function zipFiles(files: SourceFile[], at = new Date()): Uint8Array<ArrayBuffer> {
  const utf8 = new TextEncoder();
  const { time, date } = dosDateTime(at);
  const entries = files.map((f) => {
    const name = utf8.encode(f.path.replace(/\\/g, '/').replace(/^\/+/, ''));
    const data = utf8.encode(f.text);
    return { name, data, crc: crc32(data) };
  });
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let pos = 0;
  const u16 = (v: number) => {
    view.setUint16(pos, v, true);
    pos += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(pos, v >>> 0, true);
    pos += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, pos);
    pos += b.length;
  };
  /** Version 2.0, UTF-8 names, stored, time, date, CRC, sizes, name length: shared by both headers. */
  const common = (e: (typeof entries)[number]) => {
    u16(20);
    u16(0x0800);
    u16(0);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(pos);
    u32(0x04034b50);
    common(e);
    u16(0); // extra field length
    bytes(e.name);
    bytes(e.data);
  }
  const central = pos;
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20); // made by: version 2.0
    common(e);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    bytes(e.name);
  });
  const centralLength = pos - central;
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // the disk the central directory starts on
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(central);
  u16(0); // comment length
  return out;
}
