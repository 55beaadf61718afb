// A modal dialog on the native <dialog> element: focus is kept inside, Escape closes it, focus returns
// to where it was when it closes, and the heading names it.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alert' for a dialog that asks to confirm something that cannot be undone. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

export function Dialog({ open, title, onClose, children, role = 'dialog', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event): void => {
      event.preventDefault(); // the owner decides; it closes the dialog through `open`
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} role={role === 'alertdialog' ? 'alertdialog' : undefined} aria-labelledby={titleId} className={['hc-dialog', className ?? ''].filter(Boolean).join(' ')}>
      {open ? (
        <>
          <h2 id={titleId} className="hc-dialog__title">
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
