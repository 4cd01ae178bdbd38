// The client reads the hosted service's documented answers, served by a local stub from the Java client's test
// resources (client/src/test/resources/hosted; their sources are named in HostedServiceAnswersTest.java). How it waits
// and sends again is in the scenarios both clients run (scenarios.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    dateTime, EmailAccount, EmailAccountList, EmailAccountsApi, EmailServerType, errorEnvelope,
    HOSTED_BASE_URL, MessageDeletionPolicy, propertyErrors, ResponseError, SortDirection,
} from '../src';
import { answers, requests, standIn, standInApi, waits } from './stand-in';

const HOSTED = path.resolve(__dirname, '../../../../src/test/resources/hosted');
const hosted = (name: string) => readFileSync(path.join(HOSTED, name), 'utf8');

async function client(): Promise<EmailAccountsApi> {
    return standInApi();
}

function assertDocumentedRecord(record: EmailAccount) {
    assert.equal(record.id, 87654321);
    assert.equal(record.uniqueId, '1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    assert.equal(record.businessId, 0);
    assert.equal(record.displayName, '');
    assert.deepEqual({ ...(record.incomingServerType as object) }, { unknown: true, name: 'UNKNOWN', value: 0 });
    assert.deepEqual({ ...(record.deleteMessageSettings as object) }, { unknown: true, name: 'UNKNOWN', value: 0 });
    assert.notEqual(record.incomingServerType, EmailServerType.Imap);
    assert.equal(record.incomingServerPort, 0);
    assert.equal(record.outgoingServer, '');
    assert.equal(record.lastMessageId, 0);
    assert.equal(record.errorCount, 0);
    assert.equal(record.active, null);
    assert.equal(record.replyToEmail, null);
    assert.equal(dateTime(record.lastCheckTime)?.toISOString(), '2025-01-15T10:30:00.123Z');
    assert.equal(dateTime(record.createdOn)?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(dateTime(record.updatedOn)?.toISOString(), '2025-01-15T10:30:00.000Z');
    assert.equal(record.updatedBy, 'admin@example.com');
    assert.equal(record.isNew, false);
    assert.equal(record.systemId, null);
}

test('reads the documented record, search page and batch answer', async () => {
    const api = await client();
    answers.push({ status: 200, body: hosted('record.json') }, { status: 200, body: hosted('search-page.json') },
        { status: 200, body: hosted('batch.json') });

    assertDocumentedRecord(await api.getEmailAccount({ id: 87654321 }));
    const page = await api.searchEmailAccounts({ page: 1, size: 25 }) as EmailAccountList;
    const batch = await api.searchEmailAccounts({ id: '[87654321]' }) as EmailAccount[];

    assertDocumentedRecord(page.records[0]);
    assert.equal(page.totalItems, 120);
    assert.equal(page.totalPages, 5);
    assert.equal(page.currentOrderField, 'DisplayName');
    assert.equal(page.currentSortDirection, SortDirection.Ascending);
    assert.equal(page.hasNextPage, true);
    assert.equal(page.hasPreviousPage, false);
    assert.equal(batch.length, 1);
    assertDocumentedRecord(batch[0]);
});

test('keeps a record whose required values are null', async () => {
    const api = await client();
    answers.push({ status: 200, body: hosted('record.json').replace('"DisplayName": ""', '"DisplayName": null')
        .replace('"IsNew": false', '"IsNew": null').replace('"IncomingServerPort": 0', '"IncomingServerPort": null') });

    const record = await api.getEmailAccount({ id: 87654321 });

    assert.equal(record.id, 87654321);
    assert.equal(record.displayName, null);
    assert.equal(record.isNew, null);
    assert.equal(record.incomingServerPort, null);
    assert.equal(record.updatedBy, 'admin@example.com');
});

test('reads the documented validation answer as typed errors, also when it comes with status 200', async () => {
    const api = await client();
    const update = {
        id: 87654321, businessId: 1, displayName: '', emailAddress: 'a@example.com', incomingServer: 'imap',
        incomingServerType: EmailServerType.Imap, incomingServerPort: 993, incomingServerUsername: 'u',
        deleteMessageSettings: MessageDeletionPolicy.DontDelete, outgoingServer: 'smtp', outgoingServerPort: 587,
        outgoingServerUsername: 'u', lastMessageId: 0, errorCount: 0,
    };
    answers.push({ status: 400, body: hosted('validation-400.json') }, { status: 200, body: hosted('validation-400.json') },
        { status: 200, body: hosted('update-200.json') });

    for (const expected of [400, 400]) {
        const refused = await api.updateEmailAccount({ emailAccountUpdate: update }).then(() => undefined, error => error);
        assert.ok(refused instanceof ResponseError);
        assert.equal(refused.response.status, expected);
        assert.deepEqual(await propertyErrors(refused), { DisplayName: 'is a required field' });
        assert.equal((await errorEnvelope(refused))?.message, 'DisplayName: is a required field');
    }
    const done = await api.updateEmailAccount({ emailAccountUpdate: update });
    assert.equal(done.message, 'EmailAccount was successfully updated.');
    assert.equal(done.value?.id, 87654321);
    assert.equal(dateTime(done.updatedOn)?.toISOString(), '2025-01-15T10:30:00.000Z');
});
