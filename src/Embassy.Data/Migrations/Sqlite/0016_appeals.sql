-- Migration 16 (sqlite): appeals of a department's score (issue #14), decided by a reviewer who did not score it.
CREATE TABLE "appeals" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_appeals" PRIMARY KEY AUTOINCREMENT,
    "report_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "filed_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "filed_at" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decision" TEXT NULL,
    "decided_at" TEXT NULL,
    CONSTRAINT "FK_appeals_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_appeals_period_state" ON "appeals" ("period", "state");

CREATE INDEX "IX_appeals_report_id" ON "appeals" ("report_id");
