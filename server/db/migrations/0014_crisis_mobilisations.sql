CREATE TABLE "crisis_mobilisation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mobilisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ends_on" date,
	"note" text,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_mobilisation_participants" (
	"mobilisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "crisis_mobilisation_participants_mobilisation_id_user_id_pk" PRIMARY KEY("mobilisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_mobilisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"share_percent" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_ends_on" date,
	"pending_by" uuid,
	"ended_on" date,
	"decision_note" text,
	"proposed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_mobilisations_status_check" CHECK ("crisis_mobilisations"."status" in ('proposed', 'validated', 'refused', 'ended')),
	CONSTRAINT "crisis_mobilisations_share_check" CHECK ("crisis_mobilisations"."share_percent" between 5 and 100),
	CONSTRAINT "crisis_mobilisations_dates_check" CHECK ("crisis_mobilisations"."ends_on" >= "crisis_mobilisations"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD COLUMN "crisis_mobilisation_id" uuid;--> statement-breakpoint
ALTER TABLE "encounters" ADD COLUMN "crisis_mobilisation_id" uuid;--> statement-breakpoint
ALTER TABLE "crisis_mobilisation_events" ADD CONSTRAINT "crisis_mobilisation_events_mobilisation_id_crisis_mobilisations_id_fk" FOREIGN KEY ("mobilisation_id") REFERENCES "public"."crisis_mobilisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisation_events" ADD CONSTRAINT "crisis_mobilisation_events_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisation_participants" ADD CONSTRAINT "crisis_mobilisation_participants_mobilisation_id_crisis_mobilisations_id_fk" FOREIGN KEY ("mobilisation_id") REFERENCES "public"."crisis_mobilisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisation_participants" ADD CONSTRAINT "crisis_mobilisation_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisations" ADD CONSTRAINT "crisis_mobilisations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisations" ADD CONSTRAINT "crisis_mobilisations_pending_by_users_id_fk" FOREIGN KEY ("pending_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_mobilisations" ADD CONSTRAINT "crisis_mobilisations_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_mobilisation_events_mobilisation_idx" ON "crisis_mobilisation_events" USING btree ("mobilisation_id","at");--> statement-breakpoint
CREATE INDEX "crisis_mobilisation_participants_user_idx" ON "crisis_mobilisation_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "crisis_mobilisations_team_idx" ON "crisis_mobilisations" USING btree ("team_id","starts_on");--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_crisis_mobilisation_id_crisis_mobilisations_id_fk" FOREIGN KEY ("crisis_mobilisation_id") REFERENCES "public"."crisis_mobilisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_crisis_mobilisation_id_crisis_mobilisations_id_fk" FOREIGN KEY ("crisis_mobilisation_id") REFERENCES "public"."crisis_mobilisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_sessions_crisis_idx" ON "activity_sessions" USING btree ("crisis_mobilisation_id") WHERE "activity_sessions"."crisis_mobilisation_id" is not null;--> statement-breakpoint
CREATE INDEX "encounters_crisis_idx" ON "encounters" USING btree ("crisis_mobilisation_id") WHERE "encounters"."crisis_mobilisation_id" is not null;