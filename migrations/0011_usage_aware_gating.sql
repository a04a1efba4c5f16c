CREATE TABLE "usage_exclusions" (
	"contract_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "usage_exclusions_contract_id_consumer_pk" PRIMARY KEY("contract_id","consumer")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "usage_gating" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "usage_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "usage_threshold" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "usage_exclusions" ADD CONSTRAINT "usage_exclusions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_usage_gating_check" CHECK ("contracts"."usage_gating" in ('standard', 'usage-aware'));