ALTER TABLE "need_signals" ADD COLUMN "advocacy_themes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "need_signals" ADD COLUMN "structural_problem" text;--> statement-breakpoint
ALTER TABLE "need_signals" ADD COLUMN "advocacy_changed_at" timestamp with time zone;