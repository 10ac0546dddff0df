import { createUser, findUserByEmail } from "@/lib/auth/users";
import { demoAccounts } from "./demo-accounts";

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    if (await findUserByEmail(account.email)) continue;
    await createUser(account);
    created++;
  }
  return created;
}
