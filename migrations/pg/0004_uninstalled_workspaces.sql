CREATE TABLE "uninstalled_workspaces" (
	"team_id" text PRIMARY KEY NOT NULL,
	"uninstalled_at" text NOT NULL
);
