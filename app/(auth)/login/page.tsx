import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getOperator } from "@/lib/auth/next-auth";
import { getEnv } from "@/lib/env";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  // Without NEXTAUTH_URL a placeholder origin does: only a path is ever kept, and an absolute URL
  // naming our own host then falls back to the start page, which is harmless.
  const target = safeCallbackPath(
    typeof callbackUrl === "string" ? callbackUrl : undefined,
    getEnv().NEXTAUTH_URL ?? "http://erasure.invalid",
  );
  if (await getOperator()) redirect(target);
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="bg-sidebar text-sidebar-foreground hidden flex-col justify-between p-12 lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <ShieldCheck className="size-6" aria-hidden /> Erasure
        </div>
        <div className="max-w-md space-y-4">
          <p className="text-3xl leading-tight font-semibold">
            Delete videos in bulk. Keep the proof.
          </p>
          <p className="text-sidebar-muted text-sm">
            Preview every ID before anything is touched, confirm once, and keep
            a tamper-evident record of who deleted what, when, and what the
            provider answered.
          </p>
        </div>
        <p className="text-sidebar-muted text-xs">
          Akool · memories.ai · ApsaraVideo VOD · Imagine.art
        </p>
      </section>
      <section className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm space-y-6">
          <div className="space-y-1">
            <h1 className="text-2xl font-semibold tracking-tight">
              Sign in to Erasure
            </h1>
            <p className="text-muted-foreground text-sm">
              Use the account your administrator gave you.
            </p>
          </div>
          <LoginForm callbackPath={target} />
        </div>
      </section>
    </main>
  );
}
