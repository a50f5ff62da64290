-- Migration 12 (sqlite): intake that survives the real GitHub (issue #11).
-- Webhook deliveries: a back-off time for passing failures (so one delivery never holds the queue) and notes.
ALTER TABLE "webhook_deliveries" ADD COLUMN "not_before" TEXT NULL;

ALTER TABLE "webhook_deliveries" ADD COLUMN "notes" TEXT NULL;

-- Repositories by id: GitHub's numeric id survives a rename or transfer; earlier names still find the repository.
ALTER TABLE "github_sync_states" ADD COLUMN "repository_id" INTEGER NULL;

ALTER TABLE "github_sync_states" ADD COLUMN "previous_names" TEXT NULL;

-- Order: the webhook delivery last applied to a report, so a late or replayed one of the same second loses.
ALTER TABLE "reports" ADD COLUMN "applied_delivery" INTEGER NULL;
