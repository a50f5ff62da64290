-- Migration 23 (sqlite): reminders (issue #14): calendar feeds reached by a secret address (only its hash is kept), and
-- the comments Embassy posts once (reminders on the tracking issue, receipts after the close), claimed by a unique key.
CREATE TABLE "calendar_feeds" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_calendar_feeds" PRIMARY KEY AUTOINCREMENT,
    "login" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_calendar_feeds_hash" ON "calendar_feeds" ("hash");

CREATE UNIQUE INDEX "IX_calendar_feeds_login_kind" ON "calendar_feeds" ("login", "kind");

CREATE TABLE "outbound_comments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_outbound_comments" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "issue_number" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "comment_id" INTEGER NULL,
    "body_hash" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "not_before" TEXT NULL,
    "last_error" TEXT NULL,
    "claimed_at" TEXT NULL,
    "posted_at" TEXT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_outbound_comments_key" ON "outbound_comments" ("key");

CREATE INDEX "IX_outbound_comments_state" ON "outbound_comments" ("state");
