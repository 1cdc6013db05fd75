CREATE TABLE "report_people_counts" (
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"team_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL,
	"level" text NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_people_counts_period_kind_period_start_team_id_neighbourhood_id_level_pk" PRIMARY KEY("period_kind","period_start","team_id","neighbourhood_id","level"),
	CONSTRAINT "report_people_counts_level_check" CHECK ("report_people_counts"."level" in ('pseudonymous', 'identified'))
);
