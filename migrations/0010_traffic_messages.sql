ALTER TABLE "traffic_cells" ADD COLUMN "messages_seen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traffic_cells" ADD COLUMN "messages_validated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traffic_cells" ADD COLUMN "messages_dropped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traffic_hours" ADD COLUMN "messages_seen" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traffic_hours" ADD COLUMN "messages_validated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "traffic_hours" ADD COLUMN "messages_dropped" integer DEFAULT 0 NOT NULL;