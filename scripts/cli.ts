// Operations CLI for first set-up and maintenance on a real server:
//   npm run cli -- user add <email> --role <role> [--name <name>] [--password-stdin]
//   npm run cli -- user list | user set-role <email> <role> | user disable <email> | user enable <email>
//   npm run cli -- token create <email> --name <label> [--scope read|operate] [--days N]
//   npm run cli -- token list | token revoke <token-id>
// It opens the same database as the console (DATABASE_URL, else PGlite in ERASURE_DATA_DIR; the
// embedded database allows one process, so stop the console first when using PGlite).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { auditedChange } from "@/lib/audit/audited-change";
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  tokenEvent,
} from "@/lib/auth/api-tokens";
import { generatePassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/roles";
import { roleSchema, tokenScopeSchema } from "@/lib/auth/schemas";
import { revokeUserSessions } from "@/lib/auth/sessions";
import {
  createUser,
  findUserByEmail,
  listUsers,
  updateUser,
} from "@/lib/auth/users";
import { closeDb } from "@/lib/db/client";
import { cliAuditContext } from "./cli-actor";

const usage = `Usage:
  npm run cli -- user add <email> --role <viewer|operator|admin> [--name <name>] [--password-stdin]
  npm run cli -- user list
  npm run cli -- user set-role <email> <viewer|operator|admin>
  npm run cli -- user disable <email>
  npm run cli -- user enable <email>
  npm run cli -- token create <email> --name <label> [--scope read|operate] [--days N]
  npm run cli -- token list
  npm run cli -- token revoke <token-id>`;

class UsageError extends Error {}

// Changes from the command line are recorded like the console's, each in the transaction that
// makes it, naming the operating-system account and host instead of a console user.
const fromCommandLine = cliAuditContext();

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** A role or disabled-flag change (a disabled user's sessions end with it) and its event. */
function updateUserAudited(
  userId: string,
  changes: { role?: Role; disabled?: boolean },
) {
  return auditedChange(
    async (tx) => {
      const updated = await updateUser(userId, changes, tx);
      if (changes.disabled) await revokeUserSessions(userId, tx);
      return updated;
    },
    (updated) => ({
      ...fromCommandLine,
      action: "user.updated",
      targetType: "user",
      targetId: updated.id,
      details: { email: updated.email, changes },
    }),
  );
}

async function requireUser(email: string | undefined) {
  if (!email) throw new UsageError("Missing <email>.");
  const user = await findUserByEmail(email);
  if (!user) throw new UsageError(`No user with email ${email}.`);
  return user;
}

/** Runs one command; exported for its test, which runs it in-process. */
export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      scope: { type: "string" },
      days: { type: "string" },
    },
  });
  const [noun, verb, ...rest] = positionals;
  const command = `${noun ?? ""} ${verb ?? ""}`;

  if (command === "user add") {
    const role = roleSchema.safeParse(values.role);
    if (!rest[0] || !role.success)
      throw new UsageError(
        "user add needs <email> and --role viewer|operator|admin.",
      );
    const generated = !values["password-stdin"];
    const password = generated ? generatePassword() : await readStdin();
    const email = rest[0];
    const user = await auditedChange(
      (tx) =>
        createUser({ email, name: values.name, role: role.data, password }, tx),
      (created) => ({
        ...fromCommandLine,
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        details: { email: created.email, role: created.role },
      }),
    );
    console.log(`Created ${user.email} (${user.role}).`);
    if (generated)
      console.log(
        `Password: ${password}\nIt is not stored anywhere else; hand it over securely.`,
      );
  } else if (command === "user list") {
    for (const user of await listUsers()) {
      console.log(
        `${user.email}\t${user.role}\t${user.disabled ? "disabled" : "active"}`,
      );
    }
  } else if (command === "user set-role") {
    const user = await requireUser(rest[0]);
    const role = roleSchema.safeParse(rest[1]);
    if (!role.success)
      throw new UsageError(
        "user set-role needs a role: viewer, operator or admin.",
      );
    await updateUserAudited(user.id, { role: role.data });
    console.log(`${user.email} is now ${role.data}.`);
  } else if (command === "user disable" || command === "user enable") {
    const user = await requireUser(rest[0]);
    await updateUserAudited(user.id, { disabled: verb === "disable" });
    console.log(`${user.email} is ${verb}d.`);
  } else if (command === "token create") {
    const user = await requireUser(rest[0]);
    if (!values.name)
      throw new UsageError("token create needs --name <label>.");
    const scope = tokenScopeSchema.safeParse(values.scope ?? "operate");
    const days = values.days === undefined ? undefined : Number(values.days);
    if (!scope.success)
      throw new UsageError("token create: --scope is read or operate.");
    if (days !== undefined && !(Number.isInteger(days) && days > 0))
      throw new UsageError("token create: --days is a whole number of days.");
    const { token, summary } = await auditedChange(
      (tx) =>
        createApiToken(
          {
            userId: user.id,
            name: values.name!,
            scope: scope.data,
            expiresInDays: days,
          },
          tx,
        ),
      ({ summary }) => ({
        ...fromCommandLine,
        ...tokenEvent("token.created", summary),
      }),
    );
    console.log(
      `Token "${summary.name}" for ${user.email} (${user.role}, scope ${summary.scope}, expires ${summary.expiresAt.toISOString()}), id ${summary.id}:`,
    );
    console.log(token);
  } else if (command === "token list") {
    for (const token of await listApiTokens()) {
      console.log(
        `${token.id}\t${token.name}\t${token.prefix}…\t${token.userEmail}\t${token.scope}\t${token.status}\texpires ${token.expiresAt.toISOString()}`,
      );
    }
  } else if (command === "token revoke") {
    if (!rest[0]) throw new UsageError("token revoke needs <token-id>.");
    const tokenId = rest[0];
    await auditedChange(
      (tx) => revokeApiToken(tokenId, tx),
      (summary) => ({
        ...fromCommandLine,
        ...tokenEvent("token.revoked", summary),
      }),
    );
    console.log(`Token ${tokenId} revoked.`);
  } else {
    throw new UsageError(
      noun ? `Unknown command: ${command.trim()}` : "No command given.",
    );
  }
}

// Only as the entry point: the test imports `run` without running the process's arguments.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run(process.argv.slice(2))
    .then(() => closeDb())
    .catch(async (error: unknown) => {
      await closeDb().catch(() => undefined);
      console.error(error instanceof Error ? error.message : String(error));
      if (error instanceof UsageError) console.error(`\n${usage}`);
      process.exit(1);
    });
}
