CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purge_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"trigger" text NOT NULL,
	"actor_id" uuid,
	"dry_run" boolean NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_ms" integer,
	"error" text,
	CONSTRAINT "purge_runs_trigger_check" CHECK ("purge_runs"."trigger" in ('scheduler', 'admin', 'cli'))
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"amount" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rules_amount_positive" CHECK ("retention_rules"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "purge_runs" ADD CONSTRAINT "purge_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_after") WHERE "jobs"."finished_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_one_pending_per_kind" ON "jobs" USING btree ("kind") WHERE "jobs"."finished_at" is null;--> statement-breakpoint
CREATE INDEX "purge_runs_started_idx" ON "purge_runs" USING btree ("started_at");--> statement-breakpoint
-- The purge reads old rows across every team: without these, each rule scans the whole table.
CREATE INDEX IF NOT EXISTS "encounters_retention_anonymous_idx" ON "encounters" ("occurred_at") WHERE identification = 'anonymous';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "encounters_retention_note_idx" ON "encounters" ("occurred_at") WHERE has_note;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sync_operations_retention_idx" ON "sync_operations" ("applied_at");
