ALTER TYPE "public"."audit_action" ADD VALUE 'run.cancel_requested' BEFORE 'run.cancelled';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'run.retry_stopped' BEFORE 'items.recorded';--> statement-breakpoint
-- The two enums below are created again instead of given values with ADD VALUE: PostgreSQL
-- refuses to use a value added in the same transaction (drizzle applies every pending migration
-- in one), and existing rows move to the new values below. runs is small; run_items is
-- rewritten once.
ALTER TYPE "public"."run_status" RENAME TO "run_status_0008";--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('queued', 'running', 'paused', 'cancelling', 'completed', 'completed_with_issues', 'cancelled', 'aborted');--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "status" SET DATA TYPE "public"."run_status" USING "status"::text::"public"."run_status";--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "status" SET DEFAULT 'queued';--> statement-breakpoint
DROP TYPE "public"."run_status_0008";--> statement-breakpoint
ALTER TYPE "public"."row_outcome" RENAME TO "row_outcome_0008";--> statement-breakpoint
CREATE TYPE "public"."row_outcome" AS ENUM('pending', 'deleted', 'forbidden', 'not_found', 'processing', 'failed', 'skipped');--> statement-breakpoint
-- Its predicate names the old type; it is created again below, unchanged.
DROP INDEX "run_items_pending_due_idx";--> statement-breakpoint
ALTER TABLE "run_items" ALTER COLUMN "outcome" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "run_items" ALTER COLUMN "outcome" SET DATA TYPE "public"."row_outcome" USING "outcome"::text::"public"."row_outcome";--> statement-breakpoint
ALTER TABLE "run_items" ALTER COLUMN "outcome" SET DEFAULT 'pending';--> statement-breakpoint
CREATE INDEX "run_items_pending_due_idx" ON "run_items" USING btree ("run_id","next_attempt_at") WHERE "run_items"."outcome" = 'pending';--> statement-breakpoint
DROP TYPE "public"."row_outcome_0008";--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_skipped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Migration 0008's counters, with `skipped` (rows never sent on purpose).
CREATE OR REPLACE FUNCTION run_items_count_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE runs r SET
         items_pending = r.items_pending + coalesce(d.pending, 0),
         items_deleted = r.items_deleted + coalesce(d.deleted, 0),
         items_forbidden = r.items_forbidden + coalesce(d.forbidden, 0),
         items_not_found = r.items_not_found + coalesce(d.not_found, 0),
         items_processing = r.items_processing + coalesce(d.processing, 0),
         items_failed = r.items_failed + coalesce(d.failed, 0),
         items_skipped = r.items_skipped + coalesce(d.skipped, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed,
           sum(n) FILTER (WHERE outcome = 'skipped') AS skipped
              FROM (SELECT run_id, outcome, count(*) AS n FROM new_rows GROUP BY run_id, outcome) c
             GROUP BY run_id) d
     WHERE r.id = d.run_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE runs r SET
         items_pending = r.items_pending + coalesce(d.pending, 0),
         items_deleted = r.items_deleted + coalesce(d.deleted, 0),
         items_forbidden = r.items_forbidden + coalesce(d.forbidden, 0),
         items_not_found = r.items_not_found + coalesce(d.not_found, 0),
         items_processing = r.items_processing + coalesce(d.processing, 0),
         items_failed = r.items_failed + coalesce(d.failed, 0),
         items_skipped = r.items_skipped + coalesce(d.skipped, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed,
           sum(n) FILTER (WHERE outcome = 'skipped') AS skipped
              FROM (SELECT run_id, outcome, -count(*) AS n FROM old_rows GROUP BY run_id, outcome) c
             GROUP BY run_id) d
     WHERE r.id = d.run_id;
  ELSE
    UPDATE runs r SET
         items_pending = r.items_pending + coalesce(d.pending, 0),
         items_deleted = r.items_deleted + coalesce(d.deleted, 0),
         items_forbidden = r.items_forbidden + coalesce(d.forbidden, 0),
         items_not_found = r.items_not_found + coalesce(d.not_found, 0),
         items_processing = r.items_processing + coalesce(d.processing, 0),
         items_failed = r.items_failed + coalesce(d.failed, 0),
         items_skipped = r.items_skipped + coalesce(d.skipped, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed,
           sum(n) FILTER (WHERE outcome = 'skipped') AS skipped
              FROM (SELECT run_id, outcome, sum(n) AS n
                      FROM (SELECT run_id, outcome, 1 AS n FROM new_rows
                            UNION ALL
                            SELECT run_id, outcome, -1 FROM old_rows) moved
                     GROUP BY run_id, outcome
                    HAVING sum(n) <> 0) c
             GROUP BY run_id) d
     WHERE r.id = d.run_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Rows a cancel stopped before they were ever attempted were recorded `failed`; they were never
-- sent, so they are `skipped` (the trigger above moves the counts). Attempted ones stay failed,
-- and so do rows still in doubt: a sent call answered "throttled" gave its attempt back, so
-- `attempts = 0` alone does not show that nothing of ours reached the provider.
UPDATE "run_items" SET "outcome" = 'skipped'
 WHERE "outcome" = 'failed' AND "code" = 'cancelled' AND "attempts" = 0
   AND NOT "in_doubt" AND "pre_state" IS NULL;--> statement-breakpoint
-- A run cancelled while a batch was in flight reads "cancelling" until that batch is recorded.
UPDATE "runs" SET "status" = 'cancelling' WHERE "status" = 'cancelled' AND "finished_at" IS NULL;--> statement-breakpoint
-- A finished run whose rows are not all resolved says so.
UPDATE "runs" SET "status" = 'completed_with_issues'
 WHERE "status" = 'completed' AND "items_forbidden" + "items_failed" + "items_processing" > 0;
