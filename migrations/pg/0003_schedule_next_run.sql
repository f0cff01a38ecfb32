ALTER TABLE "schedules" ADD COLUMN "next_run_at" text;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "next_digest_at" text;--> statement-breakpoint
CREATE INDEX "schedules_next_run" ON "schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE INDEX "schedules_next_digest" ON "schedules" USING btree ("next_digest_at");