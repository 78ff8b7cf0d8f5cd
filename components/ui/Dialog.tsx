'use client';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

/** The dialogs open, in the order they opened: keys from outside any go to the last. */
const open: HTMLElement[] = [];

/** A modal dialog: role=dialog, labelled, closes on Escape and on backdrop click, keeps focus inside. */
export function Dialog(props: { label: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effect: it moves focus, so it must run once per
  // opening, not on every render of a parent that passes a new function.
  const onCloseRef = useRef(props.onClose);
  useLayoutEffect(() => {
    onCloseRef.current = props.onClose;
  });
  useEffect(() => {
    const onClose = () => onCloseRef.current();
    const el = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    const first = el?.querySelector<HTMLElement>('[autofocus], input, textarea, select, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      } else if (e.key === 'Tab' && el) {
        const focusable = [...el.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href], [tabindex="0"]')].filter((f) => !f.hasAttribute('disabled'));
        if (!focusable.length) return;
        const [head, tail] = [focusable[0], focusable[focusable.length - 1]];
        if (e.shiftKey && document.activeElement === head) {
          e.preventDefault();
          tail.focus();
        } else if (!e.shiftKey && document.activeElement === tail) {
          e.preventDefault();
          head.focus();
        }
      }
    };
    // Keys from outside the dialog (focus fell back to <body>: the focused button was disabled or
    // removed) are the last dialog's too: Escape closes it, Tab goes back into it.
    const onOutsideKey = (e: KeyboardEvent) => {
      if (!el || open.at(-1) !== el || (e.target instanceof Node && el.contains(e.target))) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      } else if (e.key === 'Tab') {
        e.preventDefault();
        (first?.isConnected ? first : el.querySelector<HTMLElement>('input, textarea, select, button'))?.focus();
      }
    };
    if (el) open.push(el);
    el?.addEventListener('keydown', onKey);
    document.addEventListener('keydown', onOutsideKey);
    return () => {
      el?.removeEventListener('keydown', onKey);
      document.removeEventListener('keydown', onOutsideKey);
      if (el && open.includes(el)) open.splice(open.indexOf(el), 1);
      previous?.focus?.();
    };
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-8 pt-[10vh]" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-label={props.label}
        className={`max-h-[80vh] w-full overflow-auto rounded-xl border border-slate-200 bg-white p-4 shadow-2xl dark:border-slate-700 dark:bg-slate-900 ${props.wide ? 'max-w-3xl' : 'max-w-lg'}`}
      >
        {props.children}
      </div>
    </div>
  );
}

export function DialogHeader(props: { title: string; onClose(): void }) {
  return (
    <div className="mb-3 flex items-center justify-between">
      <h2 className="text-base font-semibold">{props.title}</h2>
      <button type="button" className="btn" onClick={props.onClose} aria-label="Close">
        ✕
      </button>
    </div>
  );
}
