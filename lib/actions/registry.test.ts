import { describe, expect, it } from 'vitest';
import { ActionRegistry, ShortcutClashError, type Action } from './registry';
import { displayShortcut, matchesShortcut, normalizeShortcut } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const act = (id: string, shortcuts: string[]): Action<null> => ({ id, label: id, group: 'Edit', shortcuts, perform() {} });

describe('shortcuts', () => {
  it('normalises modifier order and case', () => {
    expect(normalizeShortcut('Shift+Mod+z')).toBe('Mod+Shift+z');
    expect(() => normalizeShortcut('Hyper+z')).toThrow(/unknown modifier/);
  });
  it('matches Mod as Ctrl, or Cmd on macOS', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesShortcut(key('?', { shiftKey: true }), '?')).toBe(true);
  });
  it('displays per platform', () => {
    expect(displayShortcut('Mod+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(displayShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});

describe('ActionRegistry', () => {
  it('refuses two actions with the same shortcut, however it is written', () => {
    const r = new ActionRegistry([act('undo', ['Mod+Z'])]);
    expect(() => r.register(act('other', ['mod+z']))).toThrow(ShortcutClashError);
    expect(() => r.register(act('other', ['mod+z']))).toThrow(/clashes with "undo"/);
    expect(() => r.register(act('undo', ['Mod+U']))).toThrow(/registered twice/);
  });
  it('finds the action for a key, and skips text fields unless allowed', () => {
    const r = new ActionRegistry([act('undo', ['Mod+Z']), { ...act('search', ['Mod+K']), inInputs: true }]);
    expect(r.forKey(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(r.forKey(key('z', { ctrlKey: true }), { inInput: true })).toBeUndefined();
    expect(r.forKey(key('k', { ctrlKey: true }), { inInput: true })?.id).toBe('search');
  });
});
