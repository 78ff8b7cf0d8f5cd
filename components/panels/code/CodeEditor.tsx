'use client';
import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { oneDarkish } from './theme';

export interface Marker {
  line: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** A CodeMirror 6 editor. `value` replaces the text when it changes from outside (not while the user types). */
export function CodeEditor(props: {
  value: string;
  language: Extension;
  label: string;
  readOnly?: boolean;
  dark?: boolean;
  markers?: Marker[];
  onChange?(text: string): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  const compartments = useRef({ lang: new Compartment(), ro: new Compartment(), theme: new Compartment() });
  useEffect(() => {
    onChange.current = props.onChange;
  });

  useEffect(() => {
    const c = compartments.current;
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.value,
        extensions: [
          basicSetup,
          c.lang.of(props.language),
          c.ro.of(EditorState.readOnly.of(!!props.readOnly)),
          c.theme.of(props.dark ? oneDarkish : []),
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': props.label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && u.transactions.some((t) => t.isUserEvent('input') || t.isUserEvent('delete') || t.isUserEvent('undo') || t.isUserEvent('redo') || t.isUserEvent('move'))) {
              onChange.current?.(u.state.doc.toString());
            }
          }),
          EditorView.theme({ '&': { height: '100%', fontSize: '12px' }, '.cm-scroller': { fontFamily: 'ui-monospace, monospace' } }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // Created once; later prop changes go through compartments and transactions below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const old = v.state.doc.toString();
    const next = props.value;
    if (old === next) return;
    // Only the part that differs is replaced, so the cursor and scroll outside it stay; the app's
    // own undo covers the change, not the editor's.
    let start = 0;
    const max = Math.min(old.length, next.length);
    while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
    let end = 0;
    while (end < max - start && old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
    v.dispatch({ changes: { from: start, to: old.length - end, insert: next.slice(start, next.length - end) }, annotations: Transaction.addToHistory.of(false) });
  }, [props.value]);

  useEffect(() => {
    const c = compartments.current;
    view.current?.dispatch({
      effects: [c.lang.reconfigure(props.language), c.ro.reconfigure(EditorState.readOnly.of(!!props.readOnly)), c.theme.reconfigure(props.dark ? oneDarkish : [])],
    });
  }, [props.language, props.readOnly, props.dark]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const diags: CmDiagnostic[] = (props.markers ?? []).map((m) => {
      const line = v.state.doc.line(Math.min(Math.max(m.line, 1), v.state.doc.lines));
      const from = Math.min(line.from + Math.max((m.column ?? 1) - 1, 0), line.to);
      return { from, to: Math.max(from, line.to), message: m.message, severity: m.severity };
    });
    v.dispatch(setDiagnostics(v.state, diags));
  }, [props.markers]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" />;
}
