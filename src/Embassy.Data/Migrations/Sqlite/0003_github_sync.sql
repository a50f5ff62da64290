-- Migration 3 (sqlite): GitHub issue sync state, the durable webhook queue, write-back bookkeeping.

CREATE TABLE "github_sync_states" (
    "repository" TEXT NOT NULL CONSTRAINT "PK_github_sync_states" PRIMARY KEY,
    "since" TEXT NULL,
    "etag" TEXT NULL,
    "watermark" TEXT NULL,
    "last_synced_at" TEXT NULL
);

CREATE TABLE "webhook_deliveries" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY AUTOINCREMENT,
    "delivery_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT NULL,
    "payload" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "processed_at" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE UNIQUE INDEX "IX_webhook_deliveries_delivery_id" ON "webhook_deliveries" ("delivery_id");

CREATE INDEX "IX_webhook_deliveries_status" ON "webhook_deliveries" ("status");

-- Write-back: the one comment Embassy keeps per report issue, and what it last sent.
ALTER TABLE "reports" ADD COLUMN "write_back_comment_id" INTEGER NULL;

ALTER TABLE "reports" ADD COLUMN "write_back_hash" TEXT NULL;
