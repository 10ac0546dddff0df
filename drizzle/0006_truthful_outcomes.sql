DROP INDEX "run_items_due_idx";--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "pre_state" text;--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "pre_state_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "in_doubt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "run_items_pending_due_idx" ON "run_items" USING btree ("run_id","next_attempt_at") WHERE "run_items"."outcome" = 'pending';--> statement-breakpoint
-- Rows an older console left in flight (a lease, no answer) are in doubt; nothing recorded their pre-state.
UPDATE "run_items" SET "in_doubt" = true WHERE "lease_until" IS NOT NULL AND "outcome" IN ('pending', 'processing');
