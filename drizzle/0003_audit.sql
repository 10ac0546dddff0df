CREATE TYPE "public"."audit_action" AS ENUM('auth.signed_in', 'auth.sign_in_failed', 'auth.signed_out', 'user.created', 'user.updated', 'token.created', 'token.revoked', 'run.previewed', 'run.started', 'run.cancelled', 'run.retry_scheduled', 'items.recorded', 'export.downloaded', 'audit.verified');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"position" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor" text NOT NULL,
	"action" "audit_action" NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb NOT NULL,
	"request_id" text,
	"ip" text,
	"user_agent" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "run_items_video_idx" ON "run_items" USING btree ("video_id");