-- 0008: the month close is stored once. The state and the frozen result of migration 0004's app_month_workflow move
-- onto month_closes (one row per locked month, mapped by the EF model); payments are per signing batch, a correction
-- keeps the old row (superseded, with its reason); periods lose their write-only status. Reviewer notes and late
-- acceptances become EF tables. Every closed month keeps its values to the unit.

ALTER TABLE "month_closes" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'locked' CHECK ("state" IN ('locked', 'approved', 'paid'));
ALTER TABLE "month_closes" ADD COLUMN "snapshot" TEXT NOT NULL DEFAULT '';
ALTER TABLE "month_closes" ADD COLUMN "batches" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "month_closes" ADD COLUMN "lock_reason" TEXT NULL;
ALTER TABLE "month_closes" ADD COLUMN "approved_by" TEXT NULL;
ALTER TABLE "month_closes" ADD COLUMN "approved_at" TEXT NULL;
ALTER TABLE "month_closes" ADD COLUMN "paid_at" TEXT NULL;

UPDATE "month_closes" SET
    "state" = (SELECT w.state FROM app_month_workflow w WHERE w.period = "month_closes"."period"),
    "snapshot" = (SELECT w.snapshot FROM app_month_workflow w WHERE w.period = "month_closes"."period"),
    "approved_by" = (SELECT w.approved_by FROM app_month_workflow w WHERE w.period = "month_closes"."period"),
    "approved_at" = (SELECT strftime('%Y-%m-%d %H:%M:%f+00:00', w.approved_at) FROM app_month_workflow w WHERE w.period = "month_closes"."period"),
    "paid_at" = (SELECT strftime('%Y-%m-%d %H:%M:%f+00:00', w.paid_at) FROM app_month_workflow w WHERE w.period = "month_closes"."period")
WHERE EXISTS (SELECT 1 FROM app_month_workflow w WHERE w.period = "month_closes"."period");

-- Two concurrent approvals could insert a second, identical payout set (the race this migration closes). Such an exact
-- copy is removed, and the audit log keeps what it said; any other row stays (the unique key below then refuses to be
-- made, and the upgrade stops without a change rather than lose a payout).
INSERT INTO "audit_log" ("at", "actor", "action", "subject", "details")
SELECT strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'), 'migration 8', 'payout.duplicate-removed', 'month:' || c."period",
       'payout ' || p."id" || ' to member ' || p."member_id" || ' (' || p."rail" || ' ' || p."address" || ') of ' || p."units" || ' units, carried ' || p."carried_units" || ', duplicated payout ' || (
           SELECT MIN(q."id") FROM "payouts" q WHERE q."month_close_id" = p."month_close_id" AND q."member_id" = p."member_id" AND q."rail" = p."rail"
             AND q."address" = p."address" AND q."units" = p."units" AND q."carried_units" = p."carried_units")
FROM "payouts" p JOIN "month_closes" c ON c."id" = p."month_close_id"
WHERE EXISTS (SELECT 1 FROM "payouts" q WHERE q."id" < p."id" AND q."month_close_id" = p."month_close_id" AND q."member_id" = p."member_id"
    AND q."rail" = p."rail" AND q."address" = p."address" AND q."units" = p."units" AND q."carried_units" = p."carried_units");
DELETE FROM "payouts" WHERE EXISTS (SELECT 1 FROM "payouts" q WHERE q."id" < "payouts"."id" AND q."month_close_id" = "payouts"."month_close_id"
    AND q."member_id" = "payouts"."member_id" AND q."rail" = "payouts"."rail" AND q."address" = "payouts"."address"
    AND q."units" = "payouts"."units" AND q."carried_units" = "payouts"."carried_units");
-- R9: one payout per member and month; a second approval's insert fails here.
CREATE UNIQUE INDEX "IX_payouts_month_close_id_member_id" ON "payouts" ("month_close_id", "member_id");

-- Batches of an approved month: its recorded transactions when paid, else its transfers in batches of 100 (the
-- shipped policies' chunk size).
UPDATE "month_closes" SET "batches" = CASE
    WHEN "state" = 'paid' THEN (SELECT COUNT(*) FROM "payout_transactions" t WHERE t."month_close_id" = "month_closes"."id")
    ELSE ((SELECT COUNT(*) FROM "payouts" p WHERE p."month_close_id" = "month_closes"."id" AND p."units" <> '0') + 99) / 100
END
WHERE "state" <> 'locked';

ALTER TABLE "payout_transactions" ADD COLUMN "batch" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "payout_transactions" ADD COLUMN "superseded_at" TEXT NULL;
ALTER TABLE "payout_transactions" ADD COLUMN "superseded_by" TEXT NULL;
ALTER TABLE "payout_transactions" ADD COLUMN "correction_reason" TEXT NULL;
UPDATE "payout_transactions" SET "batch" = (
    SELECT n FROM (SELECT "id" AS id, ROW_NUMBER() OVER (PARTITION BY "month_close_id" ORDER BY "id") AS n FROM "payout_transactions") r
    WHERE r.id = "payout_transactions"."id");
DROP INDEX "IX_payout_transactions_month_close_id_tx_hash";
-- R9: one current transaction per batch; a second concurrent post of a batch fails here.
CREATE UNIQUE INDEX "IX_payout_transactions_month_close_id_batch" ON "payout_transactions" ("month_close_id", "batch") WHERE "superseded_at" IS NULL;
CREATE INDEX "IX_payout_transactions_month_close_id" ON "payout_transactions" ("month_close_id");

DROP TABLE app_month_workflow;

ALTER TABLE "periods" DROP COLUMN "status";
ALTER TABLE "periods" DROP COLUMN "closed_at";

CREATE TABLE "review_notes" (
    "report_id" INTEGER NOT NULL,
    "reviewer" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "PK_review_notes" PRIMARY KEY ("report_id", "reviewer"),
    CONSTRAINT "FK_review_notes_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);
INSERT INTO "review_notes" ("report_id", "reviewer", "note", "recorded_at")
SELECT report_id, reviewer, note, strftime('%Y-%m-%d %H:%M:%f+00:00', recorded_at) FROM app_review_notes WHERE report_id IN (SELECT "id" FROM "reports");
DROP TABLE app_review_notes;

CREATE TABLE "late_acceptances" (
    "report_id" INTEGER NOT NULL CONSTRAINT "PK_late_acceptances" PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "accepted_by" TEXT NOT NULL,
    "accepted_at" TEXT NOT NULL,
    CONSTRAINT "FK_late_acceptances_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "reports" ("id") ON DELETE RESTRICT
);
INSERT INTO "late_acceptances" ("report_id", "reason", "accepted_by", "accepted_at")
SELECT report_id, reason, accepted_by, strftime('%Y-%m-%d %H:%M:%f+00:00', accepted_at) FROM app_late_acceptances WHERE report_id IN (SELECT "id" FROM "reports");
DROP TABLE app_late_acceptances;
