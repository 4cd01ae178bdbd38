// What the client does on the network besides retrying what the server asks for: it gives up on an attempt that gets
// no answer within the request timeout (and sends it again when it may be repeated), and its writes ask for strict
// handling unless told otherwise; seen from a local stand-in server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answers, requests, standInApi as api } from './stand-in';

const RECORD = JSON.stringify({ Id: 7, BusinessId: 1001, DisplayName: 'Inbox' });
const ACTION = JSON.stringify({
    Status: 200, Message: 'EmailAccount was successfully updated.', Value: { Id: 7 }, OpenInDialog: false,
    OpenInWindow: false, RedirectURL: null, JavaScript: null, UpdatedOn: '2025-01-15T10:30:00Z', UpdatedBy: 'a',
    Errors: null, WasSuccessful: true,
});
const update = { id: 7, businessId: 1001, displayName: 'Inbox' } as any;

test('an attempt without an answer within the request timeout is given up, and a read is sent again', async () => {
    const emailAccounts = await api('b', undefined, undefined, { requestTimeoutMs: 300 });
    answers.push('silent', { status: 200, body: RECORD });

    const record = await emailAccounts.getEmailAccount({ id: 7 });

    assert.equal(record.id, 7);
    assert.equal(requests.length, 2);
});

test('the timeout ends in a failure once the retries are spent', async () => {
    const emailAccounts = await api('b', undefined, undefined, { requestTimeoutMs: 200, maxRetries: 1 });
    answers.push('silent', 'silent');

    const failure = await emailAccounts.getEmailAccount({ id: 7 }).then(() => assert.fail('answered'), error => error);

    assert.equal(requests.length, 2);
    assert.match(String(failure?.cause?.message ?? failure?.message), /no answer within 200 ms/);
});

test("the caller's own abort is not retried", async () => {
    const emailAccounts = await api('b', undefined, undefined, { requestTimeoutMs: 10_000 });
    answers.push('silent', { status: 200, body: RECORD });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 100);

    await emailAccounts.getEmailAccount({ id: 7 }, { signal: caller.signal })
        .then(() => assert.fail('answered'), () => undefined);

    assert.equal(requests.length, 1);
});

test('writes ask for strict handling by default; the options or your own Prefer turn it off', async () => {
    let emailAccounts = await api();
    answers.push({ status: 200, body: ACTION }, { status: 200, body: RECORD });
    await emailAccounts.updateEmailAccount({ emailAccountUpdate: update });
    await emailAccounts.getEmailAccount({ id: 7 });
    assert.deepEqual(requests.map(request => request.prefer), ['handling=strict', undefined]);

    emailAccounts = await api('b', undefined, undefined, { strictHandling: false });
    answers.push({ status: 200, body: ACTION });
    await emailAccounts.updateEmailAccount({ emailAccountUpdate: update });
    assert.equal(requests[0].prefer, undefined);

    emailAccounts = await api();
    answers.push({ status: 200, body: ACTION });
    await emailAccounts.updateEmailAccount({ emailAccountUpdate: update },
        async ({ init }) => ({ headers: { ...init.headers, Prefer: 'handling=lenient' } }));
    assert.equal(requests[0].prefer, 'handling=lenient');
});
