"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useHydrated } from "@/lib/use-hydrated";

function describeError(code: string | null | undefined): string {
  if (code?.startsWith("TooManyAttempts:")) {
    const seconds = Number(code.split(":")[1]);
    const wait =
      seconds >= 90
        ? `${Math.ceil(seconds / 60)} minutes`
        : `${seconds} seconds`;
    return `Too many failed attempts. Try again in ${wait}.`;
  }
  return "Wrong email or password.";
}

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => ({ ok: false, error: "network" }));
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the console with the new session cookie.
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    setError(
      result?.error === "network"
        ? "Could not reach the server. Try again."
        : describeError(result?.error),
    );
  }

  return (
    // method="post": if it is submitted before hydration, the password must not land in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="space-y-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      {error ? (
        <p
          role="alert"
          className="bg-destructive/10 text-destructive rounded-md px-3 py-2 text-sm"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
