-- 0004: tables of the web workflows (month-close state with its frozen result, reviewer notes, granted roles,
-- late-report acceptances, hashed access tokens). Natural keys only; the same SQL on SQLite and PostgreSQL.
-- IF NOT EXISTS: databases created before this migration made these tables at start-up.
CREATE TABLE IF NOT EXISTS app_month_workflow (period TEXT PRIMARY KEY, state TEXT NOT NULL, snapshot TEXT NOT NULL, locked_by TEXT NOT NULL, locked_at TEXT NOT NULL, approved_by TEXT, approved_at TEXT, paid_at TEXT);
CREATE TABLE IF NOT EXISTS app_review_notes (report_id BIGINT NOT NULL, reviewer TEXT NOT NULL, note TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (report_id, reviewer));
CREATE TABLE IF NOT EXISTS app_users (login TEXT PRIMARY KEY, role TEXT NOT NULL, granted_by TEXT NOT NULL, granted_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS app_late_acceptances (report_id BIGINT PRIMARY KEY, reason TEXT NOT NULL, accepted_by TEXT NOT NULL, accepted_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS app_tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, login TEXT NOT NULL, role TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, used_at TEXT);
