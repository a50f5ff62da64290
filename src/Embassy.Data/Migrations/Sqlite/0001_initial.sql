-- Migration 1 (sqlite): the first schema. Members, policies, periods, reports with versions, scores,
-- month closes with allocations, payouts, audit log. Never edit once shipped: add a new migration.

CREATE TABLE "audit_log" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" TEXT NULL
);

CREATE TABLE "members" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_members" PRIMARY KEY AUTOINCREMENT,
    "display_name" TEXT NOT NULL,
    "region" TEXT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "month_closes" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_month_closes" PRIMARY KEY AUTOINCREMENT,
    "period" TEXT NOT NULL,
    "policy_name" TEXT NOT NULL,
    "policy_version" TEXT NOT NULL,
    "policy_hash" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "pool_units" TEXT NOT NULL CHECK ("pool_units" <> '' AND "pool_units" NOT GLOB '*[^0-9]*'),
    "unspent_units" TEXT NOT NULL CHECK ("unspent_units" <> '' AND "unspent_units" NOT GLOB '*[^0-9]*'),
    "closed_by" TEXT NOT NULL,
    "closed_at" TEXT NOT NULL
);

CREATE TABLE "policies" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_policies" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "effective_until" TEXT NULL,
    "recorded_at" TEXT NOT NULL
);

CREATE TABLE "member_handles" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_member_handles" PRIMARY KEY AUTOINCREMENT,
    "member_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "normalized_value" TEXT NOT NULL,
    CONSTRAINT "FK_member_handles_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "member_rank_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_member_rank_events" PRIMARY KEY AUTOINCREMENT,
    "member_id" INTEGER NOT NULL,
    "rank" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_member_rank_events_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "payout_addresses" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payout_addresses" PRIMARY KEY AUTOINCREMENT,
    "member_id" INTEGER NOT NULL,
    "rail" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_payout_addresses_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "reports" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_reports" PRIMARY KEY AUTOINCREMENT,
    "repository" TEXT NOT NULL,
    "issue_number" INTEGER NOT NULL,
    "github_issue_id" INTEGER NOT NULL,
    "author_login" TEXT NOT NULL,
    "member_id" INTEGER NULL,
    "issue_state" TEXT NOT NULL,
    "presence" TEXT NOT NULL,
    "presence_changed_at" TEXT NULL,
    "html_url" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "labels" TEXT NOT NULL,
    "period" TEXT NULL,
    "review_state" TEXT NOT NULL,
    "latest_version" INTEGER NOT NULL,
    "first_seen_at" TEXT NOT NULL,
    "last_synced_at" TEXT NOT NULL,
    CONSTRAINT "FK_reports_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "allocations" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_allocations" PRIMARY KEY AUTOINCREMENT,
    "month_close_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "department" TEXT NOT NULL,
    "points_hundredths" INTEGER NOT NULL,
    "units" TEXT NOT NULL CHECK ("units" <> '' AND "units" NOT GLOB '*[^0-9]*'),
    CONSTRAINT "FK_allocations_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_allocations_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "payouts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payouts" PRIMARY KEY AUTOINCREMENT,
    "month_close_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "rail" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "units" TEXT NOT NULL CHECK ("units" <> '' AND "units" NOT GLOB '*[^0-9]*'),
    "carried_units" TEXT NOT NULL CHECK ("carried_units" <> '' AND "carried_units" NOT GLOB '*[^0-9]*'),
    "tx_hash" TEXT NULL,
    CONSTRAINT "FK_payouts_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_payouts_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE RESTRICT
);

CREATE TABLE "periods" (
    "period" TEXT NOT NULL CONSTRAINT "PK_periods" PRIMARY KEY,
    "policy_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "FK_periods_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE RESTRICT
);

CREATE TABLE "report_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_report_versions" PRIMARY KEY AUTOINCREMENT,
    "report_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "issue_created_at" TEXT NOT NULL,
    "issue_updated_at" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "synced_at" TEXT NOT NULL,
    CONSTRAINT "FK_report_versions_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);

CREATE TABLE "scores" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_scores" PRIMARY KEY AUTOINCREMENT,
    "report_id" INTEGER NOT NULL,
    "reviewer" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "effort_hundredths" INTEGER NOT NULL,
    "results_hundredths" INTEGER NOT NULL,
    "is_lead_override" INTEGER NOT NULL,
    "reason" TEXT NULL,
    "supersedes_id" INTEGER NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_scores_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_scores_scores_supersedes_id" FOREIGN KEY ("supersedes_id") REFERENCES "scores" ("id") ON DELETE RESTRICT
);

CREATE TABLE "report_diagnostics" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_report_diagnostics" PRIMARY KEY AUTOINCREMENT,
    "report_version_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "line_number" INTEGER NULL,
    "column_number" INTEGER NULL,
    "source" TEXT NULL,
    CONSTRAINT "FK_report_diagnostics_report_versions_report_version_id" FOREIGN KEY ("report_version_id") REFERENCES "report_versions" ("id") ON DELETE RESTRICT
);

CREATE TABLE "report_parses" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_report_parses" PRIMARY KEY AUTOINCREMENT,
    "report_version_id" INTEGER NOT NULL,
    "parser_version" TEXT NOT NULL,
    "period" TEXT NULL,
    "wallet" TEXT NULL,
    "departments" TEXT NOT NULL,
    "suggested_scores" TEXT NOT NULL,
    "parsed_at" TEXT NOT NULL,
    CONSTRAINT "FK_report_parses_report_versions_report_version_id" FOREIGN KEY ("report_version_id") REFERENCES "report_versions" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_allocations_member_id" ON "allocations" ("member_id");

CREATE INDEX "IX_allocations_month_close_id" ON "allocations" ("month_close_id");

CREATE UNIQUE INDEX "IX_member_handles_kind_normalized_value" ON "member_handles" ("kind", "normalized_value");

CREATE INDEX "IX_member_handles_member_id" ON "member_handles" ("member_id");

CREATE INDEX "IX_member_rank_events_member_id" ON "member_rank_events" ("member_id");

CREATE UNIQUE INDEX "IX_month_closes_period" ON "month_closes" ("period");

CREATE INDEX "IX_payout_addresses_member_id" ON "payout_addresses" ("member_id");

CREATE INDEX "IX_payouts_member_id" ON "payouts" ("member_id");

CREATE INDEX "IX_payouts_month_close_id" ON "payouts" ("month_close_id");

CREATE INDEX "IX_periods_policy_id" ON "periods" ("policy_id");

CREATE UNIQUE INDEX "IX_policies_name_version" ON "policies" ("name", "version");

CREATE UNIQUE INDEX "IX_report_diagnostics_report_version_id_ordinal" ON "report_diagnostics" ("report_version_id", "ordinal");

CREATE UNIQUE INDEX "IX_report_parses_report_version_id" ON "report_parses" ("report_version_id");

CREATE UNIQUE INDEX "IX_report_versions_report_id_number" ON "report_versions" ("report_id", "number");

CREATE INDEX "IX_reports_member_id" ON "reports" ("member_id");

CREATE UNIQUE INDEX "IX_reports_repository_issue_number" ON "reports" ("repository", "issue_number");

CREATE INDEX "IX_scores_report_id_reviewer_department" ON "scores" ("report_id", "reviewer", "department");

CREATE INDEX "IX_scores_supersedes_id" ON "scores" ("supersedes_id");

-- The audit log and rank history are append-only (R2: rank changes are events, never edits in place).
CREATE TRIGGER "audit_log_append_only_update" BEFORE UPDATE ON "audit_log"
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER "audit_log_append_only_delete" BEFORE DELETE ON "audit_log"
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER "member_rank_events_append_only_update" BEFORE UPDATE ON "member_rank_events"
BEGIN SELECT RAISE(ABORT, 'member_rank_events is append-only'); END;

CREATE TRIGGER "member_rank_events_append_only_delete" BEFORE DELETE ON "member_rank_events"
BEGIN SELECT RAISE(ABORT, 'member_rank_events is append-only'); END;
