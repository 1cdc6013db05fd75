CREATE TABLE "indicator_definitions" (
	"code" text PRIMARY KEY NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"unit" text,
	"need" text,
	CONSTRAINT "indicator_definitions_need" CHECK ("indicator_definitions"."need" is null or "indicator_definitions"."need" in ('higher', 'lower'))
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"sector_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_sector_id_indicator_year_pk" PRIMARY KEY("sector_id","indicator","year"),
	CONSTRAINT "indicator_values_year" CHECK ("indicator_values"."year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "neighbourhood_sectors" (
	"neighbourhood_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	CONSTRAINT "neighbourhood_sectors_neighbourhood_id_sector_id_pk" PRIMARY KEY("neighbourhood_id","sector_id")
);
--> statement-breakpoint
CREATE TABLE "neighbourhood_territories" (
	"neighbourhood_id" uuid PRIMARY KEY NOT NULL,
	"outline" jsonb,
	"area_square_metres" double precision,
	"real_borders" text,
	"symbolic_borders" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"geometry" jsonb NOT NULL,
	"west" double precision NOT NULL,
	"south" double precision NOT NULL,
	"east" double precision NOT NULL,
	"north" double precision NOT NULL,
	"area_square_metres" double precision NOT NULL,
	"source" text,
	"projection" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sectors_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_sectors" ADD CONSTRAINT "neighbourhood_sectors_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_sectors" ADD CONSTRAINT "neighbourhood_sectors_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_territories" ADD CONSTRAINT "neighbourhood_territories_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhood_territories" ADD CONSTRAINT "neighbourhood_territories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_idx" ON "indicator_values" USING btree ("indicator","year");--> statement-breakpoint
CREATE INDEX "neighbourhood_sectors_sector_idx" ON "neighbourhood_sectors" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "sectors_bbox_idx" ON "sectors" USING btree ("west","east","south","north");