"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
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
      <Card className="overflow-hidden">
        <table className="w-full text-sm">
          <thead className="bg-muted text-muted-foreground text-left text-xs uppercase">
            <tr>
              <th className="px-4 py-2">Email</th>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.isPending ? (
              <tr>
                <td
                  colSpan={5}
                  className="text-muted-foreground px-4 py-6 text-center"
                >
                  Loading users…
                </td>
              </tr>
            ) : null}
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
          </tbody>
        </table>
      </Card>
      {update.error ? (
        <p role="alert" className="text-destructive text-sm">
          {update.error.message}
        </p>
      ) : null}
    </div>
  );
}
