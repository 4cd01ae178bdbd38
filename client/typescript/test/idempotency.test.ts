// What the scenarios both clients run (scenarios.test.ts) do not show of the keys and credentials the client sends: a
// key made without crypto.randomUUID, and Basic credentials encoded without Node.js's Buffer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomKey } from '../src';
import { answers, requests, standInApi as api } from './stand-in';

const ACTION = JSON.stringify({
    Status: 200, Message: 'EmailAccount was successfully created.', Value: { Id: 7 }, OpenInDialog: false,
    OpenInWindow: false, RedirectURL: null, JavaScript: null, UpdatedOn: '2025-01-15T10:30:00Z', UpdatedBy: 'a',
    Errors: null, WasSuccessful: true,
});

const fields = { businessId: 1001, displayName: 'Inbox' } as any;

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
