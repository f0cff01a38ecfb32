ALTER TABLE "story_versions" ADD COLUMN "mock_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "story_versions_mock" ON "story_versions" USING btree ("team_id","mock_id");