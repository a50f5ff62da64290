-- Migration 24 (postgres): R7, each report's text and link list frozen at the deadline with a content hash, and the
-- later version a reviewer accepted to be scored instead.
CREATE TABLE report_freezes (
    report_id bigint NOT NULL,
    version_number integer NOT NULL,
    content_hash text NOT NULL,
    links text NOT NULL,
    frozen_at timestamp with time zone NOT NULL,
    accepted_version integer,
    accepted_hash text,
    accepted_by text,
    accepted_at timestamp with time zone,
    CONSTRAINT "PK_report_freezes" PRIMARY KEY (report_id),
    CONSTRAINT "FK_report_freezes_reports_report_id" FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE RESTRICT
);
