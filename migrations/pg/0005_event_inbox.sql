ALTER TABLE "processed_events" ADD COLUMN "payload" text;--> statement-breakpoint
ALTER TABLE "processed_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "processed_events_working" ON "processed_events" USING btree ("state","received_at");