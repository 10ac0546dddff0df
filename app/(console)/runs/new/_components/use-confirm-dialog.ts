import { useCallback, useState } from "react";

/**
 * Open state of the confirmation dialog. The dialog is mounted only while open, so each opening
 * starts with an empty phrase, a fresh Idempotency-Key and no leftover error.
 */
export function useConfirmDialog() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, show, close };
}
