import { type ReactNode, useEffect, useId, useRef } from 'react';
import { focusDialogStep } from './focusRules';
import { Icon } from './Icon';

/**
 * A modal on the native <dialog> element: the browser makes the rest of the window inert, traps
 * focus and handles Escape; focus returns to where it was when the dialog closes.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  width = 560,
  className,
}: {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      previous?.focus?.();
    };
  }, []);
  // Each step (a new title: "Import websites" -> "Import finished") starts where its work is:
  // showModal alone would focus the close button, and a step change would leave focus on a
  // button that no longer exists (src-renderer/components/focusRules).
  useEffect(() => {
    if (ref.current) focusDialogStep(ref.current);
  }, [title]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      style={{ width }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <div>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? <div className="dialog-description">{description}</div> : null}
        </div>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}

/** A yes/no question, for deleting and similar steps that need a second thought. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={440}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="muted">{message}</div>
    </Dialog>
  );
}
