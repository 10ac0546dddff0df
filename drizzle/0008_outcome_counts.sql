DROP INDEX "audit_events_target_idx";--> statement-breakpoint
DROP INDEX "run_items_run_outcome_idx";--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_pending" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_deleted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_forbidden" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_not_found" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_processing" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "items_failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_target_position_idx" ON "audit_events" USING btree ("target_type","target_id","position");--> statement-breakpoint
CREATE INDEX "run_items_run_outcome_video_idx" ON "run_items" USING btree ("run_id","outcome","video_id");--> statement-breakpoint
-- Each run's outcome counts, kept by the database (lib/db/schema.ts, runs.items_*): every
-- statement that inserts, updates or deletes run_items adds what it changed, in its own
-- transaction, whichever code wrote it. A statement that moves no outcome (a claim, a write-ahead)
-- changes no runs row. Transition tables cannot go with a column list, so UPDATE fires on all.
CREATE OR REPLACE FUNCTION run_items_count_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE runs r SET
         items_pending = r.items_pending + coalesce(d.pending, 0),
         items_deleted = r.items_deleted + coalesce(d.deleted, 0),
         items_forbidden = r.items_forbidden + coalesce(d.forbidden, 0),
         items_not_found = r.items_not_found + coalesce(d.not_found, 0),
         items_processing = r.items_processing + coalesce(d.processing, 0),
         items_failed = r.items_failed + coalesce(d.failed, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed
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
         items_failed = r.items_failed + coalesce(d.failed, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed
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
         items_failed = r.items_failed + coalesce(d.failed, 0)
      FROM (SELECT run_id,
           sum(n) FILTER (WHERE outcome = 'pending') AS pending,
           sum(n) FILTER (WHERE outcome = 'deleted') AS deleted,
           sum(n) FILTER (WHERE outcome = 'forbidden') AS forbidden,
           sum(n) FILTER (WHERE outcome = 'not_found') AS not_found,
           sum(n) FILTER (WHERE outcome = 'processing') AS processing,
           sum(n) FILTER (WHERE outcome = 'failed') AS failed
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
CREATE TRIGGER run_items_count_inserted AFTER INSERT ON run_items
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION run_items_count_outcomes();--> statement-breakpoint
CREATE TRIGGER run_items_count_updated AFTER UPDATE ON run_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION run_items_count_outcomes();--> statement-breakpoint
CREATE TRIGGER run_items_count_deleted AFTER DELETE ON run_items
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION run_items_count_outcomes();--> statement-breakpoint
-- Existing runs: counted once. The triggers above already hold run_items against writers until
-- this migration commits, so nothing is counted twice or missed.
UPDATE runs r SET
       items_pending = c.pending,
       items_deleted = c.deleted,
       items_forbidden = c.forbidden,
       items_not_found = c.not_found,
       items_processing = c.processing,
       items_failed = c.failed
  FROM (SELECT run_id,
               count(*) FILTER (WHERE outcome = 'pending') AS pending,
               count(*) FILTER (WHERE outcome = 'deleted') AS deleted,
               count(*) FILTER (WHERE outcome = 'forbidden') AS forbidden,
               count(*) FILTER (WHERE outcome = 'not_found') AS not_found,
               count(*) FILTER (WHERE outcome = 'processing') AS processing,
               count(*) FILTER (WHERE outcome = 'failed') AS failed
          FROM run_items
         GROUP BY run_id) c
 WHERE r.id = c.run_id;
