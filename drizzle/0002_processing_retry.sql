ALTER TABLE "runs" ADD COLUMN "processing_retry_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "processing_retry_interval_seconds" integer;