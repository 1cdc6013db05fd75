CREATE TABLE "community_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issue" text NOT NULL,
	"approach" text NOT NULL,
	"stage" text DEFAULT 'emergence' NOT NULL,
	"ownership" text DEFAULT 'ledByTeam' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_projects_approach_check" CHECK ("community_projects"."approach" in ('socioeconomic', 'socioInstitutional', 'sociocommunity', 'sociopolitical')),
	CONSTRAINT "community_projects_stage_check" CHECK ("community_projects"."stage" in ('emergence', 'mobilisation', 'planning', 'action', 'evaluation', 'handover')),
	CONSTRAINT "community_projects_ownership_check" CHECK ("community_projects"."ownership" in ('ledByTeam', 'citizensInvolved', 'coLed', 'supportedByTeam', 'carriedByCitizens')),
	CONSTRAINT "community_projects_status_check" CHECK ("community_projects"."status" in ('active', 'closed', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "project_actors" (
	"project_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"since" date,
	"until" date,
	CONSTRAINT "project_actors_project_id_actor_id_role_pk" PRIMARY KEY("project_id","actor_id","role"),
	CONSTRAINT "project_actors_role_check" CHECK ("project_actors"."role" in ('partner', 'funder', 'host', 'resource', 'decisionMaker'))
);
--> statement-breakpoint
CREATE TABLE "project_citizens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "project_citizens_role_check" CHECK ("project_citizens"."role" in ('initiator', 'committeeMember', 'spokesperson', 'volunteer', 'participant'))
);
--> statement-breakpoint
CREATE TABLE "project_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_history_value_check" CHECK (("project_history"."kind" = 'stage' and "project_history"."value" in ('emergence', 'mobilisation', 'planning', 'action', 'evaluation', 'handover')) or ("project_history"."kind" = 'ownership' and "project_history"."value" in ('ledByTeam', 'citizensInvolved', 'coLed', 'supportedByTeam', 'carriedByCitizens')))
);
--> statement-breakpoint
CREATE TABLE "project_journal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_journal_kind_check" CHECK ("project_journal"."kind" in ('note', 'decision'))
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"title" text NOT NULL,
	"planned_on" date,
	"reached_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_milestones_stage_check" CHECK ("project_milestones"."stage" in ('emergence', 'mobilisation', 'planning', 'action', 'evaluation', 'handover')),
	CONSTRAINT "project_milestones_dated" CHECK ("project_milestones"."planned_on" is not null or "project_milestones"."reached_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "project_priorities" (
	"project_id" uuid NOT NULL,
	"diagnostic_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	CONSTRAINT "project_priorities_project_id_priority_id_pk" PRIMARY KEY("project_id","priority_id")
);
--> statement-breakpoint
CREATE TABLE "project_signals" (
	"project_id" uuid NOT NULL,
	"signal_id" uuid NOT NULL,
	CONSTRAINT "project_signals_project_id_signal_id_pk" PRIMARY KEY("project_id","signal_id")
);
--> statement-breakpoint
ALTER TABLE "community_projects" ADD CONSTRAINT "community_projects_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_projects" ADD CONSTRAINT "community_projects_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_projects" ADD CONSTRAINT "community_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actors" ADD CONSTRAINT "project_actors_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actors" ADD CONSTRAINT "project_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_citizens" ADD CONSTRAINT "project_citizens_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_citizens" ADD CONSTRAINT "project_citizens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_history" ADD CONSTRAINT "project_history_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_history" ADD CONSTRAINT "project_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_journal" ADD CONSTRAINT "project_journal_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_journal" ADD CONSTRAINT "project_journal_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_priorities" ADD CONSTRAINT "project_priorities_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_signals" ADD CONSTRAINT "project_signals_project_id_community_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."community_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_signals" ADD CONSTRAINT "project_signals_signal_id_need_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."need_signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_projects_team_idx" ON "community_projects" USING btree ("team_id","neighbourhood_id");--> statement-breakpoint
CREATE INDEX "project_citizens_project_idx" ON "project_citizens" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_citizens_person_idx" ON "project_citizens" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "project_history_project_idx" ON "project_history" USING btree ("project_id","kind","on_date");--> statement-breakpoint
CREATE INDEX "project_journal_project_idx" ON "project_journal" USING btree ("project_id","on_date");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id");