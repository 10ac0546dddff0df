ALTER TYPE "public"."audit_action" ADD VALUE 'run.resumed' BEFORE 'run.retry_scheduled';--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "id_kind" text DEFAULT 'video' NOT NULL;