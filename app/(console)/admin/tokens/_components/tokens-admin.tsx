"use client";

import { useState } from "react";
import { Time } from "@/components/time/time";
import { AdminTable } from "@/components/ui/admin-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RoleBadge } from "@/components/ui/role-badge";
import { useTokens } from "@/lib/auth/queries";
import { tokenScopeLabels } from "@/lib/auth/token-scopes";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenDialog } from "./revoke-token-dialog";

function When({ date }: { date: Date | null }) {
  return date ? (
    <Time value={date} />
  ) : (
    <span className="text-muted-foreground">Never</span>
  );
}

export function TokensAdmin({ maxDays }: { maxDays: number }) {
  const tokens = useTokens();
  const [revoking, setRevoking] = useState<{
    id: string;
    name: string;
    userEmail: string;
  } | null>(null);
  return (
    <div className="space-y-6">
      <CreateTokenForm maxDays={maxDays} />
      <AdminTable
        label="API tokens"
        columns={[
          "Name",
          "Token",
          "Acts as",
          "Scope",
          "Issued by",
          "Created",
          "Expires",
          "Last used",
        ]}
        notice={
          tokens.isPending
            ? "Loading tokens…"
            : tokens.data?.length === 0
              ? "No tokens yet."
              : null
        }
      >
        {tokens.data?.map((token) => (
          <tr key={token.id} className="border-border border-t">
            <td className="px-4 py-2 font-medium">{token.name}</td>
            <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
            <td className="px-4 py-2">
              <span className="flex flex-wrap items-center gap-2">
                {token.userEmail}
                <RoleBadge role={token.role} />
              </span>
            </td>
            <td className="px-4 py-2">{tokenScopeLabels[token.scope]}</td>
            <td className="px-4 py-2">{token.issuedBy ?? "command line"}</td>
            <td className="px-4 py-2 whitespace-nowrap">
              <When date={token.createdAt} />
            </td>
            <td className="px-4 py-2 whitespace-nowrap">
              <When date={token.expiresAt} />
            </td>
            <td className="px-4 py-2 whitespace-nowrap">
              <When date={token.lastUsedAt} />
            </td>
            <td className="px-4 py-2 text-right">
              {token.status === "revoked" ? (
                <Badge tone="danger">Revoked</Badge>
              ) : token.status === "expired" ? (
                <Badge>Expired</Badge>
              ) : (
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => setRevoking(token)}
                >
                  Revoke…<span className="sr-only"> {token.name}</span>
                </Button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {revoking ? (
        <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
      ) : null}
    </div>
  );
}
