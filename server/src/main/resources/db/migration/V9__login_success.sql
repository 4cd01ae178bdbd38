-- The last successful sign-in per user name and client address, where replicas share the sign-in throttle
-- (PostgreSQL): an address that signed in under a name within the throttle's window is not locked out of it by
-- failures from other addresses. Written at most once per quarter window per key and replica; swept with the failures.
CREATE TABLE login_success (
    throttle_key VARCHAR(700) NOT NULL PRIMARY KEY,
    succeeded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
