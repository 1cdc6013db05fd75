CREATE TABLE "mission_criteria" (
	"team_id" uuid NOT NULL,
	"mission" text NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"custom" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_log_days" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"highlights" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"to_pass_on" text DEFAULT '' NOT NULL,
	"author_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"worker_id" uuid,
	"effective_from" date NOT NULL,
	"host_partner_percent" integer NOT NULL,
	"mission_percents" jsonb,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_agreements_percent_check" CHECK ("time_agreements"."host_partner_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"category" text NOT NULL,
	"criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"outside_mandate" boolean DEFAULT false NOT NULL,
	"activity_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_minutes_check" CHECK ("time_entries"."minutes" between 1 and 1440),
	CONSTRAINT "time_entries_category_check" CHECK ("time_entries"."category" in ('networking', 'orientation', 'collectiveInformation', 'communityAction', 'hostPartner'))
);
--> statement-breakpoint
ALTER TABLE "mission_criteria" ADD CONSTRAINT "mission_criteria_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_criteria" ADD CONSTRAINT "mission_criteria_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_log_days" ADD CONSTRAINT "team_log_days_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_log_days" ADD CONSTRAINT "team_log_days_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_agreements" ADD CONSTRAINT "time_agreements_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_agreements" ADD CONSTRAINT "time_agreements_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_agreements" ADD CONSTRAINT "time_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_activity_id_collective_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."collective_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mission_criteria_code_idx" ON "mission_criteria" USING btree ("team_id","mission","code");--> statement-breakpoint
CREATE UNIQUE INDEX "team_log_days_day_idx" ON "team_log_days" USING btree ("team_id","on_date");--> statement-breakpoint
CREATE INDEX "time_agreements_team_idx" ON "time_agreements" USING btree ("team_id","effective_from");--> statement-breakpoint
CREATE INDEX "time_entries_team_idx" ON "time_entries" USING btree ("team_id","on_date");--> statement-breakpoint
CREATE INDEX "time_entries_worker_idx" ON "time_entries" USING btree ("worker_id","on_date");