import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/me – who the caller is (session or token) and their role
export const GET = withOperator(
  async ({ operator }) => ({
    id: operator.id,
    email: operator.email,
    name: operator.name,
    role: operator.role,
    via:
      operator.via.kind === "token"
        ? { kind: "token", tokenName: operator.via.tokenName }
        : { kind: "session" },
  }),
  { role: "viewer" },
);
