CREATE TABLE "ruleset_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"target" text NOT NULL,
	"lifecycle" text DEFAULT '' NOT NULL,
	"ruleset" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ruleset_assignments_scope_check" CHECK ("ruleset_assignments"."scope" in ('global', 'domain', 'team', 'contract')),
	CONSTRAINT "ruleset_assignments_lifecycle_check" CHECK ("ruleset_assignments"."lifecycle" in ('', 'draft', 'active', 'deprecated')),
	CONSTRAINT "ruleset_assignments_target_check" CHECK (("ruleset_assignments"."scope" = 'global') = ("ruleset_assignments"."target" = ''))
);
--> statement-breakpoint
CREATE TABLE "rulesets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ruleset_assignments_key" ON "ruleset_assignments" USING btree ("scope","target","lifecycle");--> statement-breakpoint
CREATE UNIQUE INDEX "rulesets_name_version_key" ON "rulesets" USING btree ("name","version");