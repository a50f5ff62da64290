-- Migration 9 (sqlite): users and access tokens join the EF model (issue #12). app_users becomes "users" (a GitHub
-- account id once seen, a removable grant, a security stamp per user); app_tokens becomes "access_tokens" (name, scope,
-- expiry, last use, revocation). Every row is copied. The first-run admin was the login "admin", which GitHub sign-in
-- could claim; it moves to "local:admin", outside GitHub's namespace. Tokens that never expired get 90 days from now.

CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "login" TEXT NOT NULL,
    "github_id" INTEGER NULL,
    "role" TEXT NULL,
    "granted_by" TEXT NULL,
    "granted_at" TEXT NULL,
    "security_stamp" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_users_login" ON "users" ("login");
CREATE UNIQUE INDEX "IX_users_github_id" ON "users" ("github_id");

CREATE TABLE "access_tokens" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_access_tokens" PRIMARY KEY AUTOINCREMENT,
    "hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "used_at" TEXT NULL,
    "last_used_at" TEXT NULL,
    "revoked_at" TEXT NULL,
    "revoked_by" TEXT NULL
);
CREATE UNIQUE INDEX "IX_access_tokens_hash" ON "access_tokens" ("hash");
CREATE INDEX "IX_access_tokens_login" ON "access_tokens" ("login");

-- The first-run admin redeemed its own link (granted_by "admin") from a first-run token.
INSERT INTO "users" ("login", "github_id", "role", "granted_by", "granted_at", "security_stamp")
SELECT CASE WHEN u.login = 'admin' AND u.role = 'admin' AND u.granted_by = 'admin'
                 AND EXISTS (SELECT 1 FROM app_tokens t WHERE t.login = 'admin' AND t.kind = 'signin' AND t.label = 'first-run' AND t.used_at IS NOT NULL)
            THEN 'local:admin' ELSE u.login END,
       NULL, u.role, u.granted_by, replace(replace(u.granted_at, 'T', ' '), 'Z', '+00:00'), lower(hex(randomblob(16)))
FROM app_users u;

INSERT INTO "access_tokens" ("hash", "kind", "login", "role", "name", "created_by", "created_at", "expires_at", "used_at")
SELECT t.hash, t.kind,
       CASE WHEN t.kind = 'signin' AND t.label = 'first-run' THEN 'local:admin' ELSE t.login END,
       t.role, t.label, 'before migration 9',
       replace(replace(t.created_at, 'T', ' '), 'Z', '+00:00'),
       CASE WHEN t.kind = 'signin' THEN strftime('%Y-%m-%d %H:%M:%f', t.created_at, '+2 days') ELSE strftime('%Y-%m-%d %H:%M:%f', 'now', '+90 days') END || '+00:00',
       replace(replace(t.used_at, 'T', ' '), 'Z', '+00:00')
FROM app_tokens t;

DROP TABLE app_users;
DROP TABLE app_tokens;
