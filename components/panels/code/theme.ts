import { EditorView } from '@codemirror/view';

/** A dark editor theme matching the app's slate palette. */
export const oneDarkish = EditorView.theme(
  {
    '&': { color: '#e2e8f0', backgroundColor: '#0f172a' },
    '.cm-content': { caretColor: '#e2e8f0' },
    '.cm-gutters': { backgroundColor: '#0f172a', color: '#64748b', border: 'none' },
    '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: '#1e293b' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: '#334155' },
  },
  { dark: true },
);
