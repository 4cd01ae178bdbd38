-- The limits every replica shares when the database is PostgreSQL (on the embedded H2, one process, they are kept in
-- memory and these tables stay empty).

-- The write rate limit's token buckets (Bucket4j's layout): a bucket's state by user name and limit.
CREATE TABLE rate_limit_bucket (
    id VARCHAR(400) PRIMARY KEY,
    state BYTEA
);

-- Failed sign-ins within the login throttle's window, by user name and client address, and by user name alone.
CREATE TABLE login_failure (
    throttle_key VARCHAR(700) NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_by_key ON login_failure (throttle_key, failed_at);
