/**
 * Keyboard shortcuts as data: `Mod+Shift+Z`, `Delete`, `?`. `Mod` is Cmd on macOS and Ctrl elsewhere.
 * Headless, so the registry and its clash check are unit-tested without a browser.
 */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const MODIFIERS = ['Mod', 'Shift', 'Alt'] as const;

export function parseShortcut(s: string): { mod: boolean; shift: boolean; alt: boolean; key: string } {
  const raw = s.split('+');
  const key = raw.pop()!;
  const parts = raw.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase());
  for (const p of parts) {
    if (!(MODIFIERS as readonly string[]).includes(p)) throw new Error(`shortcut "${s}": unknown modifier ${p}`);
  }
  if (!key) throw new Error(`shortcut "${s}": no key`);
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key.toLowerCase() };
}

/** A canonical form, so `Shift+Mod+z` and `Mod+Shift+Z` are recognised as the same shortcut. */
export function normalizeShortcut(s: string): string {
  const p = parseShortcut(s);
  return [p.mod && 'Mod', p.shift && 'Shift', p.alt && 'Alt', p.key].filter(Boolean).join('+');
}

export function matchesShortcut(e: KeyInput, shortcut: string, isMac = false): boolean {
  const p = parseShortcut(shortcut);
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const other = isMac ? e.ctrlKey : e.metaKey;
  if (p.mod !== mod || other || p.alt !== e.altKey) return false;
  const key = e.key.toLowerCase();
  // Shifted symbols such as `?` arrive with shiftKey set; only require Shift when the shortcut names it.
  const symbol = p.key.length === 1 && !/[a-z0-9]/.test(p.key);
  if (!symbol && p.shift !== e.shiftKey) return false;
  return key === p.key;
}

export function displayShortcut(s: string, isMac = false): string {
  const p = parseShortcut(s);
  const key = p.key.length === 1 ? p.key.toUpperCase() : p.key[0].toUpperCase() + p.key.slice(1);
  return [p.mod && (isMac ? '⌘' : 'Ctrl'), p.shift && (isMac ? '⇧' : 'Shift'), p.alt && (isMac ? '⌥' : 'Alt'), key]
    .filter(Boolean)
    .join(isMac ? '' : '+');
}
