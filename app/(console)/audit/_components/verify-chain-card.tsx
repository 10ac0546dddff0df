"use client";

import { LoaderCircle, ShieldCheck, ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useVerifyAuditChain } from "@/lib/audit/queries";
import { InertText } from "./inert-text";

/** Recomputes the hash chain on the server and says whether any event was altered or removed. */
export function VerifyChainCard() {
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
        <Button
          variant="outline"
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
          aria-describedby="verify-outcome"
        >
          {verify.isPending ? (
            <LoaderCircle aria-hidden className="size-4 animate-spin" />
          ) : null}
          Verify
        </Button>
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
