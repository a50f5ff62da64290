-- Migration 20 (sqlite): the GitHub connection set on the admin settings page (issue #15), one row; the token, the
-- app's private key and the webhook secret are Data Protection payloads, never plain text.
CREATE TABLE "github_connection" (
    "name" TEXT NOT NULL CONSTRAINT "PK_github_connection" PRIMARY KEY,
    "repository" TEXT NULL,
    "token" TEXT NULL,
    "app_id" INTEGER NULL,
    "installation_id" INTEGER NULL,
    "app_private_key" TEXT NULL,
    "webhook_secret" TEXT NULL,
    "write_back" INTEGER NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
