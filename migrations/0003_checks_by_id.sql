DROP INDEX "checks_contract_idx";--> statement-breakpoint
CREATE INDEX "checks_contract_idx" ON "checks" USING btree ("contract_id","id");