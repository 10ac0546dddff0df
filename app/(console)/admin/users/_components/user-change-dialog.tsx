"use client";

import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useUpdateUser } from "@/lib/auth/queries";
import { roleDescriptions, roleLabels, type Role } from "@/lib/auth/roles";
import type { UserEntry as User } from "@/lib/auth/schemas";

/** A change to someone's access that waits for the admin's confirmation. */
export type PendingUserChange =
  { kind: "role"; user: User; role: Role } | { kind: "disable"; user: User };

/** Asks before a role change or a disabling takes effect; both act on a person's live sessions. */
export function UserChangeDialog({
  change,
  onClose,
}: {
  change: PendingUserChange;
  onClose: () => void;
}) {
  const update = useUpdateUser();
  const { user } = change;

  function confirm() {
    const body =
      change.kind === "role"
        ? { id: user.id, role: change.role }
        : { id: user.id, disabled: true };
    update.mutate(body, {
      onSuccess: () => {
        toast.success(
          change.kind === "role"
            ? `${user.email} is now ${roleLabels[change.role].toLowerCase()}.`
            : `${user.email} is disabled and signed out everywhere.`,
        );
        onClose();
      },
    });
  }

  return change.kind === "role" ? (
    <ConfirmDialog
      title={`Make ${user.email} ${roleLabels[change.role].toLowerCase()}?`}
      confirmLabel={`Make ${roleLabels[change.role].toLowerCase()}`}
      pendingLabel="Changing…"
      pending={update.isPending}
      error={update.error?.message}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        From {roleLabels[user.role].toLowerCase()} to{" "}
        <strong>{roleLabels[change.role].toLowerCase()}</strong>:{" "}
        {roleDescriptions[change.role]}
      </p>
      <p className="text-muted-foreground">
        It applies to their open sessions and API tokens at once.
      </p>
    </ConfirmDialog>
  ) : (
    <ConfirmDialog
      title={`Disable ${user.email}?`}
      confirmLabel="Disable"
      pendingLabel="Disabling…"
      destructive
      pending={update.isPending}
      error={update.error?.message}
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        They are signed out everywhere and cannot sign in, and their API tokens
        are revoked for good. Enabling them later does not bring the tokens
        back.
      </p>
    </ConfirmDialog>
  );
}
