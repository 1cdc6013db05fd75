CREATE TABLE "encounter_notes" (
	"encounter_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"session_id" uuid,
	"person_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"place_id" uuid,
	"zone" text,
	"initiator" text,
	"channel" text,
	"identification" text NOT NULL,
	"age_band" text,
	"gender" text,
	"language" text,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"non_recours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duration_minutes" integer,
	"follow_up_on" date,
	"follow_up_what" text,
	"follow_up_done_at" timestamp with time zone,
	"has_note" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "encounters_identification_check" CHECK ("encounters"."identification" in ('anonymous', 'pseudonymous', 'identified')
      and (("encounters"."identification" = 'anonymous') = ("encounters"."person_id" is null)))
);
--> statement-breakpoint
CREATE TABLE "outreach_session_members" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "outreach_session_members_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"place_id" uuid,
	"zone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_sessions_kind_check" CHECK ("outreach_sessions"."kind" in ('walk', 'doorToDoor', 'stand', 'placePresence', 'dropIn', 'event'))
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"zone" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"body" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_tallies" (
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_tallies_session_id_kind_pk" PRIMARY KEY("session_id","kind")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"nickname" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"phone" text,
	"email" text,
	"consent_given_at" timestamp with time zone,
	"consent_scope" text,
	"consent_recorded_by" uuid,
	"consent_withdrawn_at" timestamp with time zone,
	"age_band" text,
	"gender" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"household" text,
	"first_contact_on" date,
	"first_contact_how" text,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"search_text" text GENERATED ALWAYS AS (relais_unaccent(lower(nickname || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '')))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_identity_needs_consent" CHECK ("people"."consent_given_at" is not null or ("people"."first_name" is null
      and "people"."last_name" is null and "people"."phone" is null and "people"."email" is null))
);
--> statement-breakpoint
CREATE TABLE "person_roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_roles_role_check" CHECK ("person_roles"."role" in ('participant', 'volunteer', 'helper', 'leader'))
);
--> statement-breakpoint
CREATE TABLE "sync_operations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"result" jsonb NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taxonomy_terms_kind_code_unique" UNIQUE("kind","code"),
	CONSTRAINT "taxonomy_terms_kind_check" CHECK ("taxonomy_terms"."kind" in ('need', 'action', 'right', 'barrier', 'observationTheme', 'tallyKind'))
);
--> statement-breakpoint
ALTER TABLE "encounter_notes" ADD CONSTRAINT "encounter_notes_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounter_notes" ADD CONSTRAINT "encounter_notes_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_members" ADD CONSTRAINT "outreach_session_members_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_session_members" ADD CONSTRAINT "outreach_session_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_sessions" ADD CONSTRAINT "outreach_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_observations" ADD CONSTRAINT "session_observations_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_observations" ADD CONSTRAINT "session_observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_tallies" ADD CONSTRAINT "session_tallies_session_id_outreach_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."outreach_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_roles" ADD CONSTRAINT "person_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "encounters_team_occurred_idx" ON "encounters" USING btree ("team_id","occurred_at");--> statement-breakpoint
CREATE INDEX "encounters_person_idx" ON "encounters" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "encounters_session_idx" ON "encounters" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "encounters_follow_up_idx" ON "encounters" USING btree ("created_by","follow_up_on") WHERE "encounters"."follow_up_on" is not null and "encounters"."follow_up_done_at" is null;--> statement-breakpoint
CREATE INDEX "outreach_session_members_user_idx" ON "outreach_session_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outreach_sessions_team_date_idx" ON "outreach_sessions" USING btree ("team_id","on_date");--> statement-breakpoint
CREATE INDEX "places_team_idx" ON "places" USING btree ("team_id","name");--> statement-breakpoint
CREATE INDEX "session_observations_session_idx" ON "session_observations" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "people_team_idx" ON "people" USING btree ("team_id","updated_at");--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_merged_into_idx" ON "people" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "person_roles_person_idx" ON "person_roles" USING btree ("person_id","started_on");--> statement-breakpoint
CREATE INDEX "sync_operations_actor_idx" ON "sync_operations" USING btree ("actor_id","applied_at");