-- Migration 6 (sqlite): community tables (issue #6). Membership applications from the public form with reviewer
-- scores and decisions (R2: an accepted applicant becomes a member with a rank event), regional crews with their
-- ambassadors and the reviewers' monthly checklist ticks (R11). Independent of migration 5: either may be applied first.
-- The client address is stored only as a keyed hash, never raw, and erased after the rate-limit window.

CREATE TABLE "membership_applications" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_membership_applications" PRIMARY KEY AUTOINCREMENT,
    "submitted_at" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "github_login" TEXT NOT NULL,
    "discord" TEXT NULL,
    "telegram" TEXT NULL,
    "x" TEXT NULL,
    "region" TEXT NULL,
    "languages" TEXT NOT NULL,
    "links" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "client_address_hash" TEXT NULL,
    "state" TEXT NOT NULL
);

CREATE TABLE "crews" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_crews" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "lead_member_id" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_crews_members_lead_member_id" FOREIGN KEY ("lead_member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE TABLE "membership_application_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_membership_application_decisions" PRIMARY KEY AUTOINCREMENT,
    "application_id" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "starting_rank" TEXT NULL,
    "member_id" INTEGER NULL,
    "reason" TEXT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TEXT NOT NULL,
    CONSTRAINT "FK_membership_application_decisions_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_membership_application_decisions_membership_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "membership_applications" ("id") ON DELETE RESTRICT
);

CREATE TABLE "membership_application_reviews" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_membership_application_reviews" PRIMARY KEY AUTOINCREMENT,
    "application_id" INTEGER NOT NULL,
    "reviewer" TEXT NOT NULL,
    "expertise_hundredths" INTEGER NOT NULL,
    "commitment_hundredths" INTEGER NOT NULL,
    "influence_hundredths" INTEGER NOT NULL,
    "note" TEXT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_membership_application_reviews_membership_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "membership_applications" ("id") ON DELETE RESTRICT
);

CREATE TABLE "crew_checklist_ticks" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_crew_checklist_ticks" PRIMARY KEY AUTOINCREMENT,
    "crew_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "quota" TEXT NOT NULL,
    "met" INTEGER NOT NULL,
    "ticked_by" TEXT NOT NULL,
    "ticked_at" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "FK_crew_checklist_ticks_crews_crew_id" FOREIGN KEY ("crew_id") REFERENCES "crews" ("id") ON DELETE RESTRICT
);

CREATE TABLE "crew_members" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_crew_members" PRIMARY KEY AUTOINCREMENT,
    "crew_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    CONSTRAINT "FK_crew_members_crews_crew_id" FOREIGN KEY ("crew_id") REFERENCES "crews" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_crew_members_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_crew_checklist_ticks_crew_id_period" ON "crew_checklist_ticks" ("crew_id", "period");

CREATE UNIQUE INDEX "IX_crew_members_crew_id_member_id" ON "crew_members" ("crew_id", "member_id");

CREATE INDEX "IX_crew_members_member_id" ON "crew_members" ("member_id");

CREATE INDEX "IX_crews_lead_member_id" ON "crews" ("lead_member_id");

CREATE UNIQUE INDEX "IX_crews_name" ON "crews" ("name");

CREATE UNIQUE INDEX "IX_membership_application_decisions_application_id" ON "membership_application_decisions" ("application_id");

CREATE INDEX "IX_membership_application_decisions_member_id" ON "membership_application_decisions" ("member_id");

CREATE UNIQUE INDEX "IX_membership_application_reviews_application_id_reviewer" ON "membership_application_reviews" ("application_id", "reviewer");

CREATE INDEX "IX_membership_applications_client_address_hash" ON "membership_applications" ("client_address_hash");

CREATE INDEX "IX_membership_applications_state" ON "membership_applications" ("state");
