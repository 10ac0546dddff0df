"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Time } from "@/components/time/time";
import { AdminTable } from "@/components/ui/admin-table";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { RoleBadge } from "@/components/ui/role-badge";
import { useUpdateUser, useUsers } from "@/lib/auth/queries";
import { roleLabels, roles } from "@/lib/auth/roles";
import { CreateUserForm } from "./create-user-form";
import { UserChangeDialog, type PendingUserChange } from "./user-change-dialog";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  // Enabling restores nothing dangerous, so it needs no confirmation.
  const enable = useUpdateUser();
  const [pending, setPending] = useState<PendingUserChange | null>(null);
  return (
    <div className="space-y-6">
      <CreateUserForm />
      <AdminTable
        label="Users"
        columns={["Email", "Name", "Role", "Status", "Last sign-in"]}
        notice={users.isPending ? "Loading users…" : null}
      >
        {users.data?.map((user) => {
          const self = user.id === currentUserId;
          return (
            <tr key={user.id} className="border-border border-t">
              <td className="px-4 py-2 font-medium">{user.email}</td>
              <td className="px-4 py-2">{user.name}</td>
              <td className="px-4 py-2">
                {self ? (
                  <RoleBadge role={user.role} />
                ) : (
                  <Select
                    aria-label={`Role of ${user.email}`}
                    className="w-36"
                    // Stays on the current role until the change is confirmed and saved.
                    value={user.role}
                    onChange={(event) => {
                      const role = roles.find(
                        (known) => known === event.target.value,
                      );
                      if (role && role !== user.role)
                        setPending({ kind: "role", user, role });
                    }}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabels[role]}
                      </option>
                    ))}
                  </Select>
                )}
              </td>
              <td className="px-4 py-2">
                {user.disabled ? "Disabled" : "Active"}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                {user.lastSignedInAt ? (
                  <Time value={user.lastSignedInAt} />
                ) : (
                  <span className="text-muted-foreground">Never</span>
                )}
              </td>
              <td className="px-4 py-2 text-right">
                {self ? null : user.disabled ? (
                  <Button
                    variant="outline"
                    size="sm"
                    disabled={enable.isPending}
                    onClick={() =>
                      enable.mutate(
                        { id: user.id, disabled: false },
                        {
                          onSuccess: () =>
                            toast.success(`${user.email} can sign in again.`),
                        },
                      )
                    }
                  >
                    Enable<span className="sr-only"> {user.email}</span>
                  </Button>
                ) : (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => setPending({ kind: "disable", user })}
                  >
                    Disable…<span className="sr-only"> {user.email}</span>
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </AdminTable>
      {enable.error ? (
        <p role="alert" className="text-destructive text-sm">
          {enable.error.message}
        </p>
      ) : null}
      {pending ? (
        <UserChangeDialog change={pending} onClose={() => setPending(null)} />
      ) : null}
    </div>
  );
}
