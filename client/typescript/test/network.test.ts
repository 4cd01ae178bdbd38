// What the TypeScript client does on the network beyond the scenarios both clients run (scenarios.test.ts): the
// caller's own abort, the caller's own Prefer, and options that make no sense; seen from a local stand-in server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConfiguration } from '../src';
import { answers, requests, standInApi as api } from './stand-in';

const RECORD = JSON.stringify({ Id: 7, BusinessId: 1001, DisplayName: 'Inbox' });
const ACTION = JSON.stringify({
    Status: 200, Message: 'EmailAccount was successfully updated.', Value: { Id: 7 }, OpenInDialog: false,
    OpenInWindow: false, RedirectURL: null, JavaScript: null, UpdatedOn: '2025-01-15T10:30:00Z', UpdatedBy: 'a',
    Errors: null, WasSuccessful: true,
});
const update = { id: 7, businessId: 1001, displayName: 'Inbox' } as any;

test("the caller's own abort is not retried", async () => {
    const emailAccounts = await api('b', undefined, undefined, { requestTimeoutMs: 10_000 });
    answers.push('silent', { status: 200, body: RECORD });
    const caller = new AbortController();
    // Aborted once the stand-in holds the request unanswered (however long a busy machine takes to send it).
    const abortOnceSent = (async () => {
        while (requests.length === 0) {
            await new Promise(resolve => setTimeout(resolve, 10));
        }
        caller.abort();
    })();

    await emailAccounts.getEmailAccount({ id: 7 }, { signal: caller.signal })
        .then(() => assert.fail('answered'), () => undefined);
    await abortOnceSent;

    assert.equal(requests.length, 1);
});

test("the caller's abort during the wait before a resend stops the call at once", async () => {
    const caller = new AbortController();
    const emailAccounts = await api('b', undefined, undefined, {
        sleep: () => { caller.abort(); return new Promise<void>(resolve => setTimeout(resolve, 5_000)); },
    });
    answers.push({ status: 503, headers: { 'Retry-After': '5' } }, { status: 200, body: RECORD });
    const started = Date.now();

    await emailAccounts.getEmailAccount({ id: 7 }, { signal: caller.signal })
        .then(() => assert.fail('answered'), () => undefined);

    assert.ok(Date.now() - started < 4_000, 'not after the wait');
    assert.equal(requests.length, 1);
});

test('a call whose signal is already aborted sends nothing', async () => {
    const emailAccounts = await api();
    answers.push({ status: 200, body: RECORD });

    await emailAccounts.getEmailAccount({ id: 7 }, { signal: AbortSignal.abort() })
        .then(() => assert.fail('answered'), () => undefined);

    assert.equal(requests.length, 0);
});

test('your own Prefer is sent as it is', async () => {
    const emailAccounts = await api();
    answers.push({ status: 200, body: ACTION });
    await emailAccounts.updateEmailAccount({ emailAccountUpdate: update },
        async ({ init }) => ({ headers: { ...init.headers, Prefer: 'handling=lenient' } }));
    assert.equal(requests[0].prefer, 'handling=lenient');
});

test('options that make no sense are refused at once, naming the option', () => {
    const auth = { none: true } as const;
    const baseUrl = 'http://localhost:8080';
    for (const [name, value] of [['maxRetries', -1], ['maxRetries', 1.5], ['maxRetryWaitMs', -1], ['requestTimeoutMs', 0],
        ['requestTimeoutMs', Number.NaN], ['maxRetries', Number.POSITIVE_INFINITY]] as const) {
        assert.throws(() => createConfiguration({ baseUrl, auth, [name]: value }),
            (error: Error) => error instanceof RangeError && error.message.startsWith(`${name} must be`), `${name}: ${value}`);
    }
    assert.ok(createConfiguration({ baseUrl, auth, maxRetries: 0, maxRetryWaitMs: 0, requestTimeoutMs: 1 }));
});
