CREATE TABLE "diagnostic_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"diagnostic_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"priorities" jsonb NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"figures" jsonb,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostic_versions_status" CHECK ("diagnostic_versions"."status" in ('draft', 'published')),
	CONSTRAINT "diagnostic_versions_frozen" CHECK (("diagnostic_versions"."status" = 'published') = ("diagnostic_versions"."figures" is not null) and "diagnostic_versions"."period_from" <= "diagnostic_versions"."period_to")
);
--> statement-breakpoint
CREATE TABLE "diagnostics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_signal_settings" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"window_days" integer NOT NULL,
	"min_encounters" integer NOT NULL,
	"min_people" integer NOT NULL,
	"min_rise_percent" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_signal_settings_bounds" CHECK ("need_signal_settings"."window_days" between 7 and 365 and "need_signal_settings"."min_encounters" >= 2
      and "need_signal_settings"."min_people" >= 0 and "need_signal_settings"."min_people" <= "need_signal_settings"."min_encounters"
      and ("need_signal_settings"."min_rise_percent" is null or "need_signal_settings"."min_rise_percent" between 1 and 1000))
);
--> statement-breakpoint
CREATE TABLE "need_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"need" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"encounters" integer NOT NULL,
	"people" integer NOT NULL,
	"previous_encounters" integer NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_note" text,
	"status_changed_by" uuid,
	"status_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_signals_status" CHECK ("need_signals"."status" in ('new', 'acknowledged', 'takenUp', 'dismissed'))
);
--> statement-breakpoint
ALTER TABLE "diagnostic_versions" ADD CONSTRAINT "diagnostic_versions_diagnostic_id_diagnostics_id_fk" FOREIGN KEY ("diagnostic_id") REFERENCES "public"."diagnostics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_versions" ADD CONSTRAINT "diagnostic_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_signal_settings" ADD CONSTRAINT "need_signal_settings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_signal_settings" ADD CONSTRAINT "need_signal_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_signals" ADD CONSTRAINT "need_signals_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_versions_number_idx" ON "diagnostic_versions" USING btree ("diagnostic_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_neighbourhood_idx" ON "diagnostics" USING btree ("neighbourhood_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_signals_open_idx" ON "need_signals" USING btree ("team_id","neighbourhood_id","need") WHERE "need_signals"."status" in ('new', 'acknowledged');--> statement-breakpoint
CREATE INDEX "need_signals_team_idx" ON "need_signals" USING btree ("team_id","last_detected_at");