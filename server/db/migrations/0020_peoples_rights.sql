CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"scope" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_events_kind_check" CHECK ("consent_events"."kind" in ('given', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "privacy_incident_people" (
	"incident_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "privacy_incident_people_incident_id_person_id_pk" PRIMARY KEY("incident_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "privacy_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid,
	"occurred_on" date NOT NULL,
	"nature" text NOT NULL,
	"data_concerned" text NOT NULL,
	"people_affected" integer DEFAULT 0 NOT NULL,
	"measures" text,
	"notified_to" text,
	"notified_on" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_incidents_nature_check" CHECK ("privacy_incidents"."nature" in ('lostDevice', 'misdirectedMessage', 'unauthorisedAccess', 'disclosure', 'other')),
	CONSTRAINT "privacy_incidents_people_affected" CHECK ("privacy_incidents"."people_affected" between 0 and 1000000)
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_people" ADD CONSTRAINT "privacy_incident_people_incident_id_privacy_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."privacy_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_people" ADD CONSTRAINT "privacy_incident_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_team_idx" ON "consent_events" USING btree ("team_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consent_events_person_idx" ON "consent_events" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "privacy_incident_people_person_idx" ON "privacy_incident_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "privacy_incidents_team_idx" ON "privacy_incidents" USING btree ("team_id","occurred_on");--> statement-breakpoint
-- The register starts with what the people rows already know: the latest consent given, and its
-- withdrawal (a withdrawal clears the given date, so a withdrawn consent's start is unknown).
INSERT INTO "consent_events" ("id", "team_id", "person_id", "kind", "scope", "occurred_at", "recorded_by")
SELECT gen_random_uuid(), "team_id", "id", 'given', "consent_scope", "consent_given_at", "consent_recorded_by"
FROM "people" WHERE "consent_given_at" IS NOT NULL;--> statement-breakpoint
INSERT INTO "consent_events" ("id", "team_id", "person_id", "kind", "scope", "occurred_at", "recorded_by")
SELECT gen_random_uuid(), "team_id", "id", 'withdrawn', NULL, "consent_withdrawn_at", NULL
FROM "people" WHERE "consent_withdrawn_at" IS NOT NULL;
