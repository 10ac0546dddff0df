"use client";

import { toast } from "sonner";
import { AdminTable } from "@/components/ui/admin-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RoleBadge } from "@/components/ui/role-badge";
import { useRevokeToken, useTokens } from "@/lib/auth/queries";
import { tokenScopeLabels } from "@/lib/auth/token-scopes";
import { CreateTokenForm } from "./create-token-form";

const formatDate = (date: Date | null) =>
  date ? date.toLocaleString() : "never";

export function TokensAdmin({ maxDays }: { maxDays: number }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  return (
    <div className="space-y-6">
      <CreateTokenForm maxDays={maxDays} />
      <AdminTable
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
        notice={tokens.data?.length === 0 ? "No tokens yet." : null}
      >
        {tokens.data?.map((token) => (
          <tr key={token.id} className="border-border border-t">
            <td className="px-4 py-2 font-medium">{token.name}</td>
            <td className="px-4 py-2 font-mono text-xs">{token.prefix}…</td>
            <td className="space-x-2 px-4 py-2">
              <span>{token.userEmail}</span>
              <RoleBadge role={token.role} />
            </td>
            <td className="px-4 py-2">{tokenScopeLabels[token.scope]}</td>
            <td className="px-4 py-2">{token.issuedBy ?? "command line"}</td>
            <td className="px-4 py-2">{formatDate(token.createdAt)}</td>
            <td className="px-4 py-2">{formatDate(token.expiresAt)}</td>
            <td className="px-4 py-2">{formatDate(token.lastUsedAt)}</td>
            <td className="px-4 py-2 text-right">
              {token.status === "revoked" ? (
                <Badge tone="danger">Revoked</Badge>
              ) : token.status === "expired" ? (
                <Badge>Expired</Badge>
              ) : (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={revoke.isPending}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Revoke “${token.name}”? Scripts using it stop working at once.`,
                      )
                    ) {
                      revoke.mutate(token.id, {
                        onSuccess: () =>
                          toast.success(`Token “${token.name}” revoked.`),
                      });
                    }
                  }}
                >
                  Revoke
                </Button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
