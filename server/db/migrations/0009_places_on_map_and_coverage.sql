CREATE TABLE "coverage_counts" (
	"team_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"encounters" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "coverage_counts_team_id_place_id_day_pk" PRIMARY KEY("team_id","place_id","day")
);
--> statement-breakpoint
ALTER TABLE "places" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "places" ADD COLUMN "longitude" double precision;--> statement-breakpoint
CREATE INDEX "coverage_counts_team_day_idx" ON "coverage_counts" USING btree ("team_id","day");--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_coordinates" CHECK (("places"."latitude" is null) = ("places"."longitude" is null)
      and ("places"."latitude" is null or ("places"."latitude" between -90 and 90 and "places"."longitude" between -180 and 180)));