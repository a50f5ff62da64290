-- Migration 19 (sqlite), issue #17: application criteria are policy data. A review's scores move from the three fixed
-- columns of seed 000's criteria into one row per criterion code (the policy's application.criteria[].code), every
-- existing score kept to the hundredth under the code the policies give it (expertise, commitment, influence).
CREATE TABLE "membership_application_review_scores" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_membership_application_review_scores" PRIMARY KEY AUTOINCREMENT,
    "review_id" INTEGER NOT NULL,
    "criterion" TEXT NOT NULL,
    "hundredths" INTEGER NOT NULL,
    CONSTRAINT "FK_membership_application_review_scores_reviews_review_id" FOREIGN KEY ("review_id") REFERENCES "membership_application_reviews" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_membership_application_review_scores_review_id_criterion" ON "membership_application_review_scores" ("review_id", "criterion");

INSERT INTO "membership_application_review_scores" ("review_id", "criterion", "hundredths")
SELECT "review_id", "criterion", "hundredths" FROM (
    SELECT "id" AS "review_id", 'expertise' AS "criterion", "expertise_hundredths" AS "hundredths", 1 AS "position" FROM "membership_application_reviews"
    UNION ALL SELECT "id", 'commitment', "commitment_hundredths", 2 FROM "membership_application_reviews"
    UNION ALL SELECT "id", 'influence', "influence_hundredths", 3 FROM "membership_application_reviews"
) ORDER BY "review_id", "position";

ALTER TABLE "membership_application_reviews" DROP COLUMN "expertise_hundredths";
ALTER TABLE "membership_application_reviews" DROP COLUMN "commitment_hundredths";
ALTER TABLE "membership_application_reviews" DROP COLUMN "influence_hundredths";

-- Issue #17: a funding proposal may record what it plans to pay in rewards a month (smallest units); the month close warns
-- when a month pays more. Null: no plan, as for every proposal recorded before.
ALTER TABLE "spending_proposals" ADD COLUMN "planned_monthly_units" TEXT NULL CHECK ("planned_monthly_units" IS NULL OR ("planned_monthly_units" <> '' AND "planned_monthly_units" NOT GLOB '*[^0-9]*'));
