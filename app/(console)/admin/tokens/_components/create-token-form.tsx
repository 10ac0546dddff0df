"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { useCreateToken, useUsers } from "@/lib/auth/queries";
import { roleLabels } from "@/lib/auth/roles";
import {
  DEFAULT_TOKEN_DAYS,
  tokenScopeDescriptions,
  tokenScopeLabels,
  tokenScopes,
} from "@/lib/auth/token-scopes";
import { useHydrated } from "@/lib/use-hydrated";

/** `maxDays`: the deployment's ERASURE_TOKEN_MAX_DAYS (the server enforces it too). */
export function CreateTokenForm({ maxDays }: { maxDays: number }) {
  const users = useUsers();
  const hydrated = useHydrated();
  const create = useCreateToken();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement));
    // The schema (and zod) loads on the first submit, not with the page.
    const { createTokenBodySchema } = await import("@/lib/auth/schemas");
    const parsed = createTokenBodySchema.safeParse({
      name: form.name,
      userId: form.userId || undefined,
      scope: form.scope,
      expiresInDays: Number(form.expiresInDays),
    });
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? "Check the fields.");
      return;
    }
    setFormError(null);
    create.mutate(parsed.data, {
      onSuccess: ({ token }) => {
        setSecret(token);
        formElement.reset();
      },
    });
  }

  return (
    <Card className="space-y-3 p-4">
      <form
        onSubmit={(event) => void onSubmit(event)}
        className="grid items-end gap-3 md:grid-cols-[2fr_2fr_1fr_1fr_auto]"
        noValidate
      >
        <div className="space-y-1">
          <Label htmlFor="token-name">Token name</Label>
          <Input
            id="token-name"
            name="name"
            placeholder="nightly-cleanup"
            required
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="token-user">Acts as</Label>
          <Select id="token-user" name="userId" defaultValue="">
            <option value="">Me</option>
            {users.data
              ?.filter((user) => !user.disabled)
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {user.email} ({roleLabels[user.role]})
                </option>
              ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="token-scope">Scope</Label>
          <Select id="token-scope" name="scope" defaultValue="read">
            {tokenScopes.map((scope) => (
              <option
                key={scope}
                value={scope}
                title={tokenScopeDescriptions[scope]}
              >
                {tokenScopeLabels[scope]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="token-days">Expires in (days)</Label>
          <Input
            id="token-days"
            name="expiresInDays"
            type="number"
            min={1}
            max={maxDays}
            step={1}
            defaultValue={Math.min(DEFAULT_TOKEN_DAYS, maxDays)}
            required
          />
        </div>
        <Button type="submit" disabled={create.isPending || !hydrated}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {formError || create.error ? (
        <p role="alert" className="text-destructive text-sm">
          {formError ?? create.error?.message}
        </p>
      ) : null}
      {secret ? (
        <div
          role="status"
          className="bg-warning/15 space-y-2 rounded-md p-3 text-sm"
        >
          <p className="font-medium">
            Copy this token now. It will not be shown again.
          </p>
          <div className="flex gap-2">
            <Input
              readOnly
              value={secret}
              aria-label="New API token"
              className="font-mono"
            />
            <Button
              variant="outline"
              onClick={() => void navigator.clipboard.writeText(secret)}
            >
              Copy
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
