CREATE TABLE "actor_hosted_workers" (
	"actor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"share_percent" integer DEFAULT 20 NOT NULL,
	CONSTRAINT "actor_hosted_workers_actor_id_user_id_pk" PRIMARY KEY("actor_id","user_id"),
	CONSTRAINT "actor_hosted_workers_share" CHECK ("actor_hosted_workers"."share_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "actor_neighbourhoods" (
	"actor_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	CONSTRAINT "actor_neighbourhoods_actor_id_neighbourhood_id_pk" PRIMARY KEY("actor_id","neighbourhood_id")
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"team_id" uuid,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"email" text,
	"phone" text,
	"website" text,
	"address" text,
	"city" text,
	"postal_code" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_host_partner" boolean DEFAULT false NOT NULL,
	"consent_given_at" timestamp with time zone,
	"consent_scope" text,
	"consent_recorded_by" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"external_source" text,
	"external_id" text,
	"search_text" text GENERATED ALWAYS AS (relais_unaccent(lower(name || ' ' || coalesce(alternate_name, '')))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actors_external_unique" UNIQUE("external_source","external_id"),
	CONSTRAINT "actors_kind_check" CHECK ("actors"."kind" in ('organisation', 'keyPerson')),
	CONSTRAINT "actors_key_person_team" CHECK (("actors"."kind" = 'keyPerson') = ("actors"."team_id" is not null)),
	CONSTRAINT "actors_key_person_contact_needs_consent" CHECK ("actors"."kind" = 'organisation' or "actors"."consent_given_at" is not null
      or ("actors"."email" is null and "actors"."phone" is null and "actors"."address" is null))
);
--> statement-breakpoint
CREATE TABLE "directory_words" (
	"word" text PRIMARY KEY NOT NULL,
	"documents" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text,
	"title" text,
	"department" text,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "service_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text,
	"description" text,
	"address" text,
	"city" text,
	"region" text,
	"postal_code" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"transportation" text,
	"accessibility" text,
	"external_id" text,
	CONSTRAINT "service_locations_coordinates" CHECK (("service_locations"."latitude" is null) = ("service_locations"."longitude" is null)
      and ("service_locations"."latitude" is null or ("service_locations"."latitude" between -90 and 90 and "service_locations"."longitude" between -180 and 180)))
);
--> statement-breakpoint
CREATE TABLE "service_neighbourhoods" (
	"service_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	CONSTRAINT "service_neighbourhoods_service_id_neighbourhood_id_pk" PRIMARY KEY("service_id","neighbourhood_id")
);
--> statement-breakpoint
CREATE TABLE "service_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid,
	"weekday" integer,
	"opens_at" time,
	"closes_at" time,
	"valid_from" date,
	"valid_to" date,
	"description" text,
	CONSTRAINT "service_schedules_weekday" CHECK ("service_schedules"."weekday" is null or "service_schedules"."weekday" between 1 and 7),
	CONSTRAINT "service_schedules_hours" CHECK (("service_schedules"."opens_at" is null) = ("service_schedules"."closes_at" is null) and ("service_schedules"."opens_at" is null or "service_schedules"."opens_at" < "service_schedules"."closes_at"))
);
--> statement-breakpoint
CREATE TABLE "service_statuses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text NOT NULL,
	"expected_wait_days" integer,
	"note" text,
	"effective_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_statuses_status_check" CHECK ("service_statuses"."status" in ('open', 'waitingList', 'closedToNew', 'temporarilyClosed')),
	CONSTRAINT "service_statuses_wait" CHECK ("service_statuses"."expected_wait_days" is null or "service_statuses"."expected_wait_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"actor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"url" text,
	"email" text,
	"phone" text,
	"hsds_status" text DEFAULT 'active' NOT NULL,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"interpretation_services" text,
	"application_process" text,
	"required_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" boolean,
	"fees_description" text,
	"wait_time" text,
	"alert" text,
	"availability" text DEFAULT 'open' NOT NULL,
	"availability_since" timestamp with time zone DEFAULT now() NOT NULL,
	"expected_wait_days" integer,
	"external_source" text,
	"external_id" text,
	"search_vector" "tsvector",
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_external_unique" UNIQUE("external_source","external_id"),
	CONSTRAINT "services_hsds_status_check" CHECK ("services"."hsds_status" in ('active', 'inactive', 'defunct', 'temporarily closed')),
	CONSTRAINT "services_availability_check" CHECK ("services"."availability" in ('open', 'waitingList', 'closedToNew', 'temporarilyClosed')),
	CONSTRAINT "services_ages_check" CHECK ("services"."minimum_age" is null or "services"."maximum_age" is null or "services"."minimum_age" <= "services"."maximum_age")
);
--> statement-breakpoint
CREATE TABLE "bridging_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bridging_support_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bridging_contacts_kind_check" CHECK ("bridging_contacts"."kind" in ('call', 'meeting', 'accompaniment', 'message')),
	CONSTRAINT "bridging_contacts_duration" CHECK ("bridging_contacts"."duration_minutes" is null or "bridging_contacts"."duration_minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "bridging_supports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid,
	"referral_id" uuid,
	"purpose" text,
	"started_on" date NOT NULL,
	"planned_end_on" date,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bridging_supports_someone" CHECK ("bridging_supports"."person_id" is not null or "bridging_supports"."referral_id" is not null),
	CONSTRAINT "bridging_supports_dates" CHECK (("bridging_supports"."ended_on" is null or "bridging_supports"."ended_on" >= "bridging_supports"."started_on")
      and ("bridging_supports"."planned_end_on" is null or "bridging_supports"."planned_end_on" >= "bridging_supports"."started_on"))
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"reason" text,
	"note" text,
	"from_partner" boolean DEFAULT false NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_events_kind_check" CHECK ("referral_events"."kind" in ('status', 'checkBack', 'note'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"slip_number" text NOT NULL,
	"person_id" uuid,
	"encounter_id" uuid,
	"service_id" uuid NOT NULL,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"shared_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"failure_reason" text,
	"referred_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"connected_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_slip_unique" UNIQUE("slip_number"),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('proposed', 'sent', 'accepted', 'refused', 'connected', 'failed', 'expired')),
	CONSTRAINT "referrals_failure_reason_check" CHECK (("referrals"."failure_reason" is null) = ("referrals"."status" not in ('failed', 'refused')))
);
--> statement-breakpoint
ALTER TABLE "actor_hosted_workers" ADD CONSTRAINT "actor_hosted_workers_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_hosted_workers" ADD CONSTRAINT "actor_hosted_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_neighbourhoods" ADD CONSTRAINT "actor_neighbourhoods_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_neighbourhoods" ADD CONSTRAINT "actor_neighbourhoods_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_contacts" ADD CONSTRAINT "service_contacts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_locations" ADD CONSTRAINT "service_locations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_neighbourhoods" ADD CONSTRAINT "service_neighbourhoods_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_neighbourhoods" ADD CONSTRAINT "service_neighbourhoods_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_schedules" ADD CONSTRAINT "service_schedules_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_schedules" ADD CONSTRAINT "service_schedules_location_id_service_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."service_locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_statuses" ADD CONSTRAINT "service_statuses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_statuses" ADD CONSTRAINT "service_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_contacts" ADD CONSTRAINT "bridging_contacts_bridging_support_id_bridging_supports_id_fk" FOREIGN KEY ("bridging_support_id") REFERENCES "public"."bridging_supports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_contacts" ADD CONSTRAINT "bridging_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_supports" ADD CONSTRAINT "bridging_supports_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_supports" ADD CONSTRAINT "bridging_supports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_supports" ADD CONSTRAINT "bridging_supports_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bridging_supports" ADD CONSTRAINT "bridging_supports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_neighbourhoods_neighbourhood_idx" ON "actor_neighbourhoods" USING btree ("neighbourhood_id");--> statement-breakpoint
CREATE INDEX "actors_team_idx" ON "actors" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "actors_search_trgm_idx" ON "actors" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "directory_words_trgm_idx" ON "directory_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "service_contacts_service_idx" ON "service_contacts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_locations_service_idx" ON "service_locations" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_neighbourhoods_neighbourhood_idx" ON "service_neighbourhoods" USING btree ("neighbourhood_id");--> statement-breakpoint
CREATE INDEX "service_schedules_service_idx" ON "service_schedules" USING btree ("service_id","weekday");--> statement-breakpoint
CREATE INDEX "service_statuses_service_idx" ON "service_statuses" USING btree ("service_id","effective_at");--> statement-breakpoint
CREATE INDEX "services_actor_idx" ON "services" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "services_needs_idx" ON "services" USING gin ("needs") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "bridging_contacts_support_idx" ON "bridging_contacts" USING btree ("bridging_support_id","occurred_at");--> statement-breakpoint
CREATE INDEX "bridging_supports_team_idx" ON "bridging_supports" USING btree ("team_id","started_on");--> statement-breakpoint
CREATE INDEX "bridging_supports_person_idx" ON "bridging_supports" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("referral_id","occurred_at");--> statement-breakpoint
CREATE INDEX "referrals_team_status_idx" ON "referrals" USING btree ("team_id","status","referred_at");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id","referred_at");--> statement-breakpoint
CREATE INDEX "referrals_service_idx" ON "referrals" USING btree ("service_id","referred_at");