CREATE TABLE "traffic_cells" (
	"window_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"operation" text NOT NULL,
	"consumer" text NOT NULL,
	"documented" boolean NOT NULL,
	"requests" integer NOT NULL,
	"errors" integer NOT NULL,
	"violations" integer NOT NULL,
	"undocumented" integer NOT NULL,
	"latency" jsonb NOT NULL,
	"latency_sum_ms" double precision NOT NULL,
	CONSTRAINT "traffic_cells_window_id_operation_consumer_documented_pk" PRIMARY KEY("window_id","operation","consumer","documented")
);
--> statement-breakpoint
CREATE TABLE "traffic_hours" (
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"operation" text NOT NULL,
	"consumer" text NOT NULL,
	"documented" boolean NOT NULL,
	"requests" integer NOT NULL,
	"errors" integer NOT NULL,
	"violations" integer NOT NULL,
	"undocumented" integer NOT NULL,
	"latency" jsonb NOT NULL,
	"latency_sum_ms" double precision NOT NULL,
	CONSTRAINT "traffic_hours_contract_id_environment_id_hour_operation_consumer_documented_pk" PRIMARY KEY("contract_id","environment_id","hour","operation","consumer","documented")
);
--> statement-breakpoint
CREATE TABLE "traffic_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"threshold" double precision NOT NULL,
	"worst" double precision NOT NULL,
	"consumers" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "traffic_pending_hours" (
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "traffic_pending_hours_contract_id_environment_id_hour_pk" PRIMARY KEY("contract_id","environment_id","hour")
);
--> statement-breakpoint
CREATE TABLE "traffic_slo_states" (
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"breaching" integer DEFAULT 0 NOT NULL,
	"healthy" integer DEFAULT 0 NOT NULL,
	"streak_started_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone,
	CONSTRAINT "traffic_slo_states_contract_id_environment_id_kind_pk" PRIMARY KEY("contract_id","environment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "traffic_slos" (
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"p95_ms" double precision NOT NULL,
	"error_rate" double precision NOT NULL,
	"window_seconds" integer NOT NULL,
	"open_after" integer NOT NULL,
	"resolve_after" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "traffic_slos_contract_id_environment_id_pk" PRIMARY KEY("contract_id","environment_id")
);
--> statement-breakpoint
CREATE TABLE "traffic_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"window_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"contract_id" uuid NOT NULL,
	"environment_id" uuid NOT NULL,
	"version" text NOT NULL,
	"source" text NOT NULL,
	"reporter" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"violations" jsonb NOT NULL,
	"undocumented" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "traffic_cells" ADD CONSTRAINT "traffic_cells_window_id_traffic_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."traffic_windows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_incidents" ADD CONSTRAINT "traffic_incidents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_incidents" ADD CONSTRAINT "traffic_incidents_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_slos" ADD CONSTRAINT "traffic_slos_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_slos" ADD CONSTRAINT "traffic_slos_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_windows" ADD CONSTRAINT "traffic_windows_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traffic_windows" ADD CONSTRAINT "traffic_windows_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "traffic_cells_contract_env_ended_idx" ON "traffic_cells" USING btree ("contract_id","environment_id","ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "traffic_incidents_open_key" ON "traffic_incidents" USING btree ("contract_id","environment_id","kind") WHERE "traffic_incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "traffic_incidents_contract_opened_idx" ON "traffic_incidents" USING btree ("contract_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "traffic_windows_window_id_key" ON "traffic_windows" USING btree ("window_id");--> statement-breakpoint
CREATE INDEX "traffic_windows_contract_env_ended_idx" ON "traffic_windows" USING btree ("contract_id","environment_id","ended_at");