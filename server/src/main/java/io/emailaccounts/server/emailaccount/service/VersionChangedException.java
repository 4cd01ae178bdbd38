package io.emailaccounts.server.emailaccount.service;

/** An update asked for a version of the record (If-Match) that it no longer is; nothing was written. */
public class VersionChangedException extends RuntimeException {

    private final long id;
    private final long currentVersion;

    public VersionChangedException(long id, long currentVersion) {
        super("EmailAccount " + id + " changed since it was read (it is now version \"" + currentVersion + "\"); read it again",
                null, false, false);
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public long id() {
        return id;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
