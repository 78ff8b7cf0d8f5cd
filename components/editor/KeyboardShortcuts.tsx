'use client';
import { useEffect } from 'react';
import { actionRegistry } from '@/components/actions';
import { runAction } from '@/components/actions/run';
import { useEditorContext } from './EditorContextProvider';
import { useUi } from './uiStore';

function inTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.cm-editor');
}

/** Routes key presses to registered actions. Text fields keep their own keys (undo inside an input stays there). */
export function KeyboardShortcuts() {
  const ctx = useEditorContext();
  useEffect(() => {
    const isMac = /Mac/.test(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const ui = useUi.getState();
      // While a dialog is open only the dialog's own keys apply.
      if (ui.dialog || ui.confirm || ui.pendingConnection) return;
      const action = actionRegistry.forKey(e, { isMac, inInput: inTextField(e.target) });
      if (!action) return;
      if (action.enabled && !action.enabled(ctx)) return;
      e.preventDefault();
      runAction(ctx, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
  return null;
}
