"use client";

import { toast } from "sonner";
import { AdminTable } from "@/components/ui/admin-table";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { RoleBadge } from "@/components/ui/role-badge";
import { useUpdateUser, useUsers } from "@/lib/auth/queries";
import { roleLabels } from "@/lib/auth/roles";
import { roleSchema } from "@/lib/auth/schemas";
import { CreateUserForm } from "./create-user-form";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();
  return (
    <div className="space-y-6">
      <CreateUserForm />
      <AdminTable
        columns={["Email", "Name", "Role", "Status"]}
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
                    value={user.role}
                    onChange={(event) => {
                      const role = roleSchema.parse(event.target.value);
                      update.mutate(
                        { id: user.id, role },
                        {
                          onSuccess: () =>
                            toast.success(
                              `${user.email} is now ${roleLabels[role].toLowerCase()}.`,
                            ),
                        },
                      );
                    }}
                  >
                    {roleSchema.options.map((role) => (
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
              <td className="px-4 py-2 text-right">
                {self ? null : (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() =>
                      update.mutate(
                        { id: user.id, disabled: !user.disabled },
                        {
                          onSuccess: () =>
                            toast.success(
                              user.disabled
                                ? `${user.email} can sign in again.`
                                : `${user.email} is disabled and signed out everywhere.`,
                            ),
                        },
                      )
                    }
                  >
                    {user.disabled ? "Enable" : "Disable"}
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </AdminTable>
      {update.error ? (
        <p role="alert" className="text-destructive text-sm">
          {update.error.message}
        </p>
      ) : null}
    </div>
  );
}
