"use client";

import { LoaderCircle, ShieldCheck, ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useVerifyAuditChain } from "@/lib/audit/queries";
import { InertText } from "./inert-text";

/** Recomputes the hash chain on the server and says whether any event was altered or removed. */
export function VerifyChainCard({ canCheckpoint }: { canCheckpoint: boolean }) {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <Card className="p-4">
      <section aria-labelledby="verify-heading" className="space-y-3">
        <div>
          <h2 id="verify-heading" className="text-base font-semibold">
            Verify the record
          </h2>
          <p className="text-muted-foreground mt-1 text-sm">
            Every audit event is chained to the one before by its hash.
            Verifying recomputes the whole chain: an edited, missing or
            reordered event breaks it.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="outline"
            onClick={() => verify.mutate(undefined)}
            disabled={verify.isPending}
            aria-describedby="verify-outcome"
          >
            {verify.isPending ? (
              <LoaderCircle aria-hidden className="size-4 animate-spin" />
            ) : null}
            Verify
          </Button>
          <label className="border-border hover:bg-muted inline-flex h-9 cursor-pointer items-center rounded-md border px-3 text-sm">
            Verify against a checkpoint…
            <input
              type="file"
              accept="application/json,.json"
              className="sr-only"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (file) verify.mutate(await file.text());
              }}
            />
          </label>
          {canCheckpoint ? (
            <a
              className="text-sm underline"
              href="/api/audit/checkpoint"
              download
            >
              Download signed checkpoint
            </a>
          ) : null}
        </div>
        {/* One outcome region: pending, then the server's own sentence, or why it could not answer. */}
        <div id="verify-outcome" className="text-sm">
          {verify.isPending ? (
            <p role="status" className="text-muted-foreground">
              Verifying every event…
            </p>
          ) : verify.isError ? (
            <p role="alert" className="text-destructive">
              Could not verify: {verify.error.message}
            </p>
          ) : result?.ok ? (
            <p role="status" className="text-success flex items-start gap-2">
              <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span>{result.message}</span>
            </p>
          ) : result ? (
            <p
              role="alert"
              className="text-destructive flex items-start gap-2 font-medium"
            >
              <ShieldX aria-hidden className="mt-0.5 size-4 shrink-0" />
              {/* The problem text quotes stored data, so it is shown inert. */}
              <InertText
                value={result.message}
                className="font-sans break-normal wrap-anywhere"
              />
            </p>
          ) : null}
        </div>
      </section>
    </Card>
  );
}
