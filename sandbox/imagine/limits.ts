// Tunables of the Imagine.art fake: its rate limit and switches between the readings imagine.md §9
// asks the simulator to offer. Defaults are in fake.ts's header comment.
import { z } from "zod";

export const imagineLimitsSchema = z
  .strictObject({
    /** Requests per key per sliding 60 s; 0 = unlimited. */
    ratePerMin: z.number().int().min(0),
    /** Unknown or already-deleted IDs: 404, or 400 code 1100. */
    unknownIdStatus: z.union([z.literal(404), z.literal(400)]),
    /** Another account's video: answered like an unknown ID, or 403. */
    foreignId: z.enum(["hidden", "forbidden"]),
    /** Deleting a pending or processing video: allowed, or 409. */
    inProgressDelete: z.enum(["allow", "conflict"]),
    /** Methods served on the guide's `/v2/video/delete/{id}`; others get 405. */
    deleteMethods: z.array(z.enum(["DELETE", "POST"])).min(1),
  })
  .partial();

export interface ImagineLimits {
  ratePerMin: number;
  unknownIdStatus: 404 | 400;
  foreignId: "hidden" | "forbidden";
  inProgressDelete: "allow" | "conflict";
  deleteMethods: ("DELETE" | "POST")[];
}

export const IMAGINE_DEFAULT_RATE_PER_MIN = 50;

export function imagineLimitsFromEnv(
  env: Record<string, string | undefined> = process.env,
): ImagineLimits {
  const rate = Number(env.SANDBOX_IMAGINE_RATE_PER_MIN);
  return {
    ratePerMin:
      env.SANDBOX_IMAGINE_RATE_PER_MIN && Number.isInteger(rate) && rate >= 0
        ? rate
        : IMAGINE_DEFAULT_RATE_PER_MIN,
    unknownIdStatus: 404,
    foreignId: "hidden",
    inProgressDelete: "allow",
    deleteMethods: ["DELETE", "POST"],
  };
}
