// A create is safe to send again: the client gives it an Idempotency-Key (or sends yours), keeps it for every attempt,
// and sends it again when its answer was lost or the server asks; seen from a local stand-in server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomKey } from '../src';
import { answers, requests, standInApi as api, waits } from './stand-in';

const ACTION = JSON.stringify({
    Status: 200, Message: 'EmailAccount was successfully created.', Value: { Id: 7 }, OpenInDialog: false,
    OpenInWindow: false, RedirectURL: null, JavaScript: null, UpdatedOn: '2025-01-15T10:30:00Z', UpdatedBy: 'a',
    Errors: null, WasSuccessful: true,
});
const UNAVAILABLE = JSON.stringify({
    Status: 503, Message: 'Try later.', Value: null, WasSuccessful: false,
    Errors: [{ AttemptedValue: null, Message: 'Try later.', PropertyName: null }],
});

const fields = { businessId: 1001, displayName: 'Inbox' } as any;

test('every create has a fresh key of its own', async () => {
    const emailAccounts = await api();
    answers.push({ status: 200, body: ACTION }, { status: 200, body: ACTION });

    await emailAccounts.createEmailAccount({ emailAccountFields: fields });
    await emailAccounts.createEmailAccount({ emailAccountFields: fields });

    const [first, second] = requests.map(request => request.key);
    assert.match(first ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(first, second);
});

test('a create whose answer was lost is sent again with the same key, and answers the created Id', async () => {
    const emailAccounts = await api();
    answers.push('lost', { status: 200, body: ACTION });

    const created = await emailAccounts.createEmailAccount({ emailAccountFields: fields });

    assert.equal(created.value?.id, 7);
    assert.equal(requests.length, 2);
    assert.equal(requests[1].key, requests[0].key);
    assert.equal(requests[1].body, requests[0].body);
});

test('your own key is sent, and kept through a 503 and a 409 with Retry-After', async () => {
    const emailAccounts = await api();
    answers.push({ status: 503, body: UNAVAILABLE, headers: { 'Retry-After': '2' } },
        { status: 409, body: UNAVAILABLE, headers: { 'Retry-After': '1' } }, { status: 200, body: ACTION });

    await emailAccounts.createEmailAccount({ emailAccountFields: fields, idempotencyKey: 'order-4711-inbox' });

    assert.deepEqual(requests.map(request => request.key), ['order-4711-inbox', 'order-4711-inbox', 'order-4711-inbox']);
    assert.deepEqual(waits, [2000, 1000]);
});

test('Basic credentials are UTF-8 in base64, without Node.js Buffer', async () => {
    const emailAccounts = await api('pässwörd-✓');
    answers.push({ status: 200, body: ACTION });

    await emailAccounts.createEmailAccount({ emailAccountFields: fields });

    assert.equal(requests[0].authorization, `Basic ${Buffer.from('a:pässwörd-✓', 'utf8').toString('base64')}`);
});

test('a key is a UUID even without crypto.randomUUID', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    try {
        (globalThis.crypto as any).randomUUID = undefined;
        assert.match(randomKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
        (globalThis.crypto as any).randomUUID = randomUUID;
    }
});
