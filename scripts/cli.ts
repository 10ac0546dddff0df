// Operations CLI for first set-up and maintenance on a real server:
//   npm run cli -- user add <email> --role <role> [--name <name>] [--password-stdin]
//   npm run cli -- user list | user set-role <email> <role> | user disable <email> | user enable <email>
//   npm run cli -- token create <email> --name <label> | token list | token revoke <token-id>
// It opens the same database as the console (DATABASE_URL, else PGlite in ERASURE_DATA_DIR; the
// embedded database allows one process, so stop the console first when using PGlite).
import { parseArgs } from "node:util";
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/auth/api-tokens";
import { generatePassword } from "@/lib/auth/passwords";
import { roleSchema } from "@/lib/auth/schemas";
import { revokeUserSessions } from "@/lib/auth/sessions";
import {
  createUser,
  findUserByEmail,
  listUsers,
  updateUser,
} from "@/lib/auth/users";
import { closeDb } from "@/lib/db/client";

const usage = `Usage:
  npm run cli -- user add <email> --role <viewer|operator|admin> [--name <name>] [--password-stdin]
  npm run cli -- user list
  npm run cli -- user set-role <email> <viewer|operator|admin>
  npm run cli -- user disable <email>
  npm run cli -- user enable <email>
  npm run cli -- token create <email> --name <label>
  npm run cli -- token list
  npm run cli -- token revoke <token-id>`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function requireUser(email: string | undefined) {
  if (!email) throw new UsageError("Missing <email>.");
  const user = await findUserByEmail(email);
  if (!user) throw new UsageError(`No user with email ${email}.`);
  return user;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
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
    const user = await createUser({
      email: rest[0],
      name: values.name,
      role: role.data,
      password,
    });
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
    await updateUser(user.id, { role: role.data });
    console.log(`${user.email} is now ${role.data}.`);
  } else if (command === "user disable" || command === "user enable") {
    const user = await requireUser(rest[0]);
    await updateUser(user.id, { disabled: verb === "disable" });
    if (verb === "disable") await revokeUserSessions(user.id);
    console.log(`${user.email} is ${verb}d.`);
  } else if (command === "token create") {
    const user = await requireUser(rest[0]);
    if (!values.name)
      throw new UsageError("token create needs --name <label>.");
    const { token, summary } = await createApiToken({
      userId: user.id,
      name: values.name,
    });
    console.log(
      `Token "${summary.name}" for ${user.email} (${user.role}), id ${summary.id}:`,
    );
    console.log(token);
  } else if (command === "token list") {
    for (const token of await listApiTokens()) {
      const state = token.revokedAt ? "revoked" : "active";
      console.log(
        `${token.id}\t${token.name}\t${token.prefix}…\t${token.userEmail}\t${state}`,
      );
    }
  } else if (command === "token revoke") {
    if (!rest[0]) throw new UsageError("token revoke needs <token-id>.");
    await revokeApiToken(rest[0]);
    console.log(`Token ${rest[0]} revoked.`);
  } else {
    throw new UsageError(
      noun ? `Unknown command: ${command.trim()}` : "No command given.",
    );
  }
}

run(process.argv.slice(2))
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    await closeDb().catch(() => undefined);
    console.error(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) console.error(`\n${usage}`);
    process.exit(1);
  });
