"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { useCreateUser } from "@/lib/auth/queries";
import { roleDescriptions, roleLabels, roles } from "@/lib/auth/roles";
import { useHydrated } from "@/lib/use-hydrated";

export function CreateUserForm() {
  const hydrated = useHydrated();
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = Object.fromEntries(new FormData(formElement));
    // The schema (and zod) loads on the first submit, not with the page.
    const { createUserBodySchema } = await import("@/lib/auth/schemas");
    const parsed = createUserBodySchema.safeParse(values);
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? "Check the fields.");
      return;
    }
    setFormError(null);
    create.mutate(parsed.data, {
      onSuccess: () => {
        setCreated(parsed.data.email);
        formElement.reset();
        toast.success(`${parsed.data.email} can now sign in.`);
      },
    });
  }

  return (
    <Card className="p-4">
      <form
        method="post"
        onSubmit={(event) => void onSubmit(event)}
        className="grid items-end gap-3 md:grid-cols-[2fr_1.5fr_1fr_1.5fr_auto]"
        noValidate
      >
        <div className="space-y-1">
          <Label htmlFor="new-email">Email</Label>
          <Input id="new-email" name="email" type="email" required />
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-name">Name</Label>
          <Input id="new-name" name="name" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-role">Role</Label>
          <Select id="new-role" name="role" defaultValue="viewer">
            {roles.map((role) => (
              <option key={role} value={role} title={roleDescriptions[role]}>
                {roleLabels[role]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-password">Initial password</Label>
          <Input
            id="new-password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={12}
          />
        </div>
        <Button type="submit" disabled={create.isPending || !hydrated}>
          {create.isPending ? "Adding…" : "Add user"}
        </Button>
      </form>
      {formError || create.error ? (
        <p role="alert" className="text-destructive mt-3 text-sm">
          {formError ?? create.error?.message}
        </p>
      ) : created ? (
        <p role="status" className="text-success mt-3 text-sm">
          Added {created}. Share the initial password with them over a trusted
          channel.
        </p>
      ) : null}
    </Card>
  );
}
