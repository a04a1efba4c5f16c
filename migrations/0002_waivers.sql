CREATE TABLE "waivers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"fingerprint" text NOT NULL,
	"operations" text[] NOT NULL,
	"pointer" text,
	"message" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waivers_contract_idx" ON "waivers" USING btree ("contract_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "waivers_live_key" ON "waivers" USING btree ("contract_id","fingerprint") WHERE "waivers"."status" in ('requested', 'approved');