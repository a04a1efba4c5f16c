ALTER TABLE "api_keys" ADD COLUMN "custodian_id" text;--> statement-breakpoint
CREATE INDEX "api_keys_custodian_idx" ON "api_keys" USING btree ("custodian_id");--> statement-breakpoint
-- Existing keys are held by whoever created them; a key made with another key is held by that key's holder.
WITH RECURSIVE "custody" ("id", "custodian_id") AS (
  SELECT "id", CASE WHEN "created_by" LIKE 'user:%' THEN substr("created_by", 6) END FROM "api_keys" WHERE "created_by" NOT LIKE 'api-key:%'
  UNION ALL
  SELECT "api_keys"."id", "custody"."custodian_id" FROM "api_keys" JOIN "custody" ON "api_keys"."created_by" = 'api-key:' || "custody"."id"
)
UPDATE "api_keys" SET "custodian_id" = "custody"."custodian_id" FROM "custody" WHERE "api_keys"."id" = "custody"."id";
