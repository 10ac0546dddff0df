import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Open state of the confirmation dialog. The dialog is mounted only while open, so each opening
 * starts with an empty phrase, a fresh Idempotency-Key and no leftover error. When it closes,
 * focus returns to the element with `returnFocusId` (the button that opened it): the dialog is
 * unmounted, so the browser's own focus restore has nothing to go back from.
 */
export function useConfirmDialog(returnFocusId?: string) {
  const [open, setOpen] = useState(false);
  const wasOpen = useRef(false);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    if (wasOpen.current && !open && returnFocusId)
      document.getElementById(returnFocusId)?.focus();
    wasOpen.current = open;
  }, [open, returnFocusId]);
  return { open, show, close };
}
