"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A modal question with Cancel and one action: a native <dialog> opened with showModal(), so
 * focus is trapped in it, Escape cancels and the page behind is inert. Mount it only while open;
 * when it closes, focus goes back to the control that opened it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  destructive = false,
  pending = false,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  /** What will happen, and to whom. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  destructive?: boolean;
  pending?: boolean;
  /** Why the last attempt failed; the dialog stays open to try again or cancel. */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener =
      document.activeElement instanceof HTMLElement
        ? document.activeElement
        : null;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape fires `cancel`; while the request is in flight it must not look cancelled.
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      className="bg-card text-foreground border-border m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border p-0 shadow-xl backdrop:bg-black/50"
    >
      <div className="space-y-4 p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="space-y-2 text-sm">
          {children}
        </div>
        {error ? (
          <p role="alert" className="text-destructive text-sm">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="outline" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant={destructive ? "destructive" : "primary"}
            onClick={onConfirm}
            disabled={pending}
          >
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
