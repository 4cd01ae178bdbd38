// Reading without a server: date-times, enums as open sets, the error helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateTime, EmailAccountFromJSON, EmailAccountUpdateToJSON, EmailServerType, MessageDeletionPolicy, parseRetryAfter } from '../src';

test('a date-time without an offset is UTC, with or without fractions', () => {
    assert.equal(dateTime('2025-01-15T10:30:00Z')?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(dateTime('2025-01-15T10:30:00')?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(dateTime('2025-01-15T10:30:00.123')?.toISOString(), '2025-01-15T10:30:00.123Z');
    assert.equal(dateTime('2025-01-15T10:30')?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(dateTime('2025-01-15T11:30:00+01:00')?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(dateTime(null), undefined);
    assert.throws(() => dateTime('yesterday'), RangeError);
});

test('an enum value the contract lists reads as itself; another is kept as sent and written back', () => {
    const record = EmailAccountFromJSON({ Id: 1, IncomingServerType: 1, DeleteMessageSettings: 0, SomethingNew: true });

    assert.equal(record.incomingServerType, EmailServerType.Imap);
    assert.deepEqual({ ...(record.deleteMessageSettings as object) }, { unknown: true, name: 'UNKNOWN', value: 0 });
    assert.equal(String(record.deleteMessageSettings), '0');
    const written: any = EmailAccountUpdateToJSON({ ...record, deleteMessageSettings: record.deleteMessageSettings } as any);
    assert.equal(written.DeleteMessageSettings, 0);
    const listed: any = EmailAccountUpdateToJSON({ deleteMessageSettings: MessageDeletionPolicy.DontDelete } as any);
    assert.equal(listed.DeleteMessageSettings, 1);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('7'), 7000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.ok((parseRetryAfter(new Date(Date.now() + 60_000).toUTCString()) ?? 0) > 50_000);
});
