-- Migration 20 (postgres): the GitHub connection set on the admin settings page (issue #15), one row; the token, the
-- app's private key and the webhook secret are Data Protection payloads, never plain text.
CREATE TABLE github_connection (
    name text NOT NULL,
    repository text,
    token text,
    app_id bigint,
    installation_id bigint,
    app_private_key text,
    webhook_secret text,
    write_back boolean,
    updated_by text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_github_connection" PRIMARY KEY (name)
);
