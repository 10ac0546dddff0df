import { createUserBodySchema } from "@/lib/auth/schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/users – every user with role and status (admins)
export const GET = withOperator(async () => ({ users: await listUsers() }), {
  role: "admin",
});

// POST /api/users – create a user with a role and an initial password (admins)
export const POST = withOperator(
  async ({ body }) =>
    Response.json({ user: await createUser(body) }, { status: 201 }),
  { role: "admin", body: createUserBodySchema },
);
