"use client";

import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRevokeToken } from "@/lib/auth/queries";

/** Asks before a token is revoked: revoking cannot be undone, and scripts using it stop at once. */
export function RevokeTokenDialog({
  token,
  onClose,
}: {
  token: { id: string; name: string; userEmail: string };
  onClose: () => void;
}) {
  const revoke = useRevokeToken();
  return (
    <ConfirmDialog
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      destructive
      pending={revoke.isPending}
      error={revoke.error?.message}
      onConfirm={() =>
        revoke.mutate(token.id, {
          onSuccess: () => {
            toast.success(`Token “${token.name}” revoked.`);
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      <p>
        Scripts using it, acting as {token.userEmail}, stop working at once. A
        revoked token cannot be restored; issue a new one instead.
      </p>
    </ConfirmDialog>
  );
}
