import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getOperator } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/utils";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
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
