'use client';
import { useUi } from '@/components/editor/uiStore';
import { Dialog, DialogHeader } from '@/components/ui/Dialog';

export function ConfirmDialog() {
  const req = useUi((s) => s.confirm);
  const close = () => useUi.getState().askConfirm(null);
  if (!req) return null;
  return (
    <Dialog label={req.title} onClose={close}>
      <DialogHeader title={req.title} onClose={close} />
      <p className="mb-4 text-sm">{req.message}</p>
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="btn border-red-600 bg-red-600 text-white hover:bg-red-700"
          onClick={() => {
            close();
            req.onConfirm();
          }}
        >
          {req.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
