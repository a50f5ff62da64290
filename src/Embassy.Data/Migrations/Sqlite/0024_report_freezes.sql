-- Migration 24 (sqlite): R7, each report's text and link list frozen at the deadline with a content hash, and the later
-- version a reviewer accepted to be scored instead.
CREATE TABLE "report_freezes" (
    "report_id" INTEGER NOT NULL CONSTRAINT "PK_report_freezes" PRIMARY KEY,
    "version_number" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "links" TEXT NOT NULL,
    "frozen_at" TEXT NOT NULL,
    "accepted_version" INTEGER NULL,
    "accepted_hash" TEXT NULL,
    "accepted_by" TEXT NULL,
    "accepted_at" TEXT NULL,
    CONSTRAINT "FK_report_freezes_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);
