-- Migration 12 (sqlite): intake that survives the real GitHub (issue #11).
-- Webhook deliveries: a back-off time for passing failures (so one delivery never holds the queue) and notes.
ALTER TABLE "webhook_deliveries" ADD COLUMN "not_before" TEXT NULL;

ALTER TABLE "webhook_deliveries" ADD COLUMN "notes" TEXT NULL;

-- Repositories by id: GitHub's numeric id survives a rename or transfer; earlier names still find the repository.
ALTER TABLE "github_sync_states" ADD COLUMN "repository_id" INTEGER NULL;

ALTER TABLE "github_sync_states" ADD COLUMN "previous_names" TEXT NULL;

-- Order: the webhook delivery last applied to a report, so a late or replayed one of the same second loses.
ALTER TABLE "reports" ADD COLUMN "applied_delivery" INTEGER NULL;

-- Write-back as a durable queue: one row per report to bring up to date on GitHub, retried with back-off.
CREATE TABLE "write_back_jobs" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_write_back_jobs" PRIMARY KEY AUTOINCREMENT,
    "report_id" INTEGER NOT NULL,
    "requested_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "not_before" TEXT NULL,
    "last_error" TEXT NULL,
    CONSTRAINT "FK_write_back_jobs_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_write_back_jobs_report_id" ON "write_back_jobs" ("report_id");

-- Identity by id: a member's GitHub handle links to the account's user id; reports keep their author's id.
ALTER TABLE "member_handles" ADD COLUMN "github_user_id" INTEGER NULL;

CREATE UNIQUE INDEX "IX_member_handles_github_user_id" ON "member_handles" ("github_user_id");

ALTER TABLE "reports" ADD COLUMN "author_id" INTEGER NULL;
