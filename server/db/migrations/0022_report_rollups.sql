CREATE TABLE "report_encounter_counts" (
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"encounters" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_encounter_counts_team_id_month_dimension_value_neighbourhood_id_pk" PRIMARY KEY("team_id","month","dimension","value","neighbourhood_id")
);
--> statement-breakpoint
CREATE TABLE "report_person_periods" (
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"person_id" uuid NOT NULL,
	"pseudonymous" integer DEFAULT 0 NOT NULL,
	"identified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_person_periods_period_kind_period_start_team_id_neighbourhood_id_person_id_pk" PRIMARY KEY("period_kind","period_start","team_id","neighbourhood_id","person_id"),
	CONSTRAINT "report_person_periods_kind_check" CHECK ("report_person_periods"."period_kind" in ('month', 'quarter', 'calendarYear', 'fiscalYear'))
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"indicators" text[] NOT NULL,
	"grouping" text DEFAULT 'none' NOT NULL,
	"period_type" text NOT NULL,
	"threshold" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_templates_threshold_check" CHECK ("report_templates"."threshold" >= 5),
	CONSTRAINT "report_templates_grouping_check" CHECK ("report_templates"."grouping" in ('none', 'team', 'neighbourhood', 'mission')),
	CONSTRAINT "report_templates_period_check" CHECK ("report_templates"."period_type" in ('fiscalYear', 'calendarYear', 'quarter', 'month', 'custom'))
);
--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_encounter_counts_month_idx" ON "report_encounter_counts" USING btree ("month","dimension");--> statement-breakpoint
CREATE INDEX "report_person_periods_person_idx" ON "report_person_periods" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_templates_name_idx" ON "report_templates" USING btree ("name");