CREATE TYPE "public"."token_scope" AS ENUM('read', 'operate');--> statement-breakpoint
CREATE TABLE "database_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Tokens issued before scopes could do everything their user could: they keep that, and stop
-- working 90 days from now like a newly issued token. New tokens always name both.
ALTER TABLE "api_tokens" ADD COLUMN "scope" "token_scope" DEFAULT 'operate' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "scope" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days';--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
-- A database holding the demo's admin account was seeded by an earlier `npm run demo`.
INSERT INTO "database_marks" ("name") SELECT 'demo' WHERE EXISTS (SELECT 1 FROM "users" WHERE "email" = 'admin@erasure.demo');
