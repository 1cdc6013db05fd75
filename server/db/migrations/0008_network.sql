CREATE TABLE "actor_interaction_actors" (
	"interaction_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "actor_interaction_actors_interaction_id_actor_id_pk" PRIMARY KEY("interaction_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "actor_interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_interactions_kind_check" CHECK ("actor_interactions"."kind" in ('meeting', 'call', 'concertationTable', 'sharedEvent'))
);
--> statement-breakpoint
CREATE TABLE "ties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"actor_a_id" uuid NOT NULL,
	"actor_b_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"strength" integer DEFAULT 2 NOT NULL,
	"started_on" date,
	"ended_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ties_two_actors" CHECK ("ties"."actor_a_id" <> "ties"."actor_b_id"),
	CONSTRAINT "ties_kind_check" CHECK ("ties"."kind" in ('collaboration', 'referral', 'coOrganisation', 'knowsOf', 'funding', 'hosting')),
	CONSTRAINT "ties_strength_check" CHECK ("ties"."strength" between 1 and 3),
	CONSTRAINT "ties_dates" CHECK ("ties"."ended_on" is null or "ties"."started_on" is null or "ties"."ended_on" >= "ties"."started_on")
);
--> statement-breakpoint
ALTER TABLE "actor_interaction_actors" ADD CONSTRAINT "actor_interaction_actors_interaction_id_actor_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."actor_interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_interaction_actors" ADD CONSTRAINT "actor_interaction_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_interactions" ADD CONSTRAINT "actor_interactions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_interactions" ADD CONSTRAINT "actor_interactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ties" ADD CONSTRAINT "ties_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ties" ADD CONSTRAINT "ties_actor_a_id_actors_id_fk" FOREIGN KEY ("actor_a_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ties" ADD CONSTRAINT "ties_actor_b_id_actors_id_fk" FOREIGN KEY ("actor_b_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ties" ADD CONSTRAINT "ties_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_interaction_actors_actor_idx" ON "actor_interaction_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "actor_interactions_team_idx" ON "actor_interactions" USING btree ("team_id","occurred_on");--> statement-breakpoint
CREATE INDEX "ties_team_idx" ON "ties" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "ties_actor_a_idx" ON "ties" USING btree ("actor_a_id");--> statement-breakpoint
CREATE INDEX "ties_actor_b_idx" ON "ties" USING btree ("actor_b_id");