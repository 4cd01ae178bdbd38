// The client against a running server (TypeScriptClientIT starts one and sets EMAILACCOUNTS_BASE_URL,
// EMAILACCOUNTS_USERNAME and EMAILACCOUNTS_PASSWORD): every operation, If-Match, paging and filters, typed errors,
// the token grant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    AuthenticationApi, createConfiguration, CreateTokenGrantTypeEnum, EmailAccountFields, EmailAccountList,
    EmailAccountOrderField, EmailAccountsApi, EmailServerType, errorEnvelope, MessageDeletionPolicy, propertyErrors,
    ResponseError, tokenError,
} from '../../src';

const baseUrl = required('EMAILACCOUNTS_BASE_URL');
const username = required('EMAILACCOUNTS_USERNAME');
const password = required('EMAILACCOUNTS_PASSWORD');
const emailAccounts = new EmailAccountsApi(createConfiguration({ baseUrl, auth: { passwordGrant: { username, password } } }));
// A business of its own, so that searches see only what this run made.
const business = 700_000 + Math.floor(Math.random() * 100_000);

function required(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: these tests run against a server (TypeScriptClientIT starts one)`);
    }
    return value;
}

function fields(displayName: string): EmailAccountFields {
    return {
        businessId: business, displayName, emailAddress: 'helpdesk@example.com', incomingServer: 'imap.example.com',
        incomingServerType: EmailServerType.Imap, incomingServerPort: 993, incomingServerUsername: 'helpdesk',
        deleteMessageSettings: MessageDeletionPolicy.DeleteWhenDeleting, outgoingServer: 'smtp.example.com',
        outgoingServerPort: 587, outgoingServerUsername: 'helpdesk', lastMessageId: 0, errorCount: 0,
    };
}

async function refusal(call: Promise<unknown>): Promise<ResponseError> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof ResponseError, `a ResponseError, not ${error}`);
        return error;
    }
    assert.fail('the call succeeded');
}

test('the token grant signs in, and a wrong password is a typed OAuth error', async () => {
    const tokens = new AuthenticationApi(createConfiguration({ baseUrl, auth: { none: true } }));

    const granted = await tokens.createToken({ grantType: CreateTokenGrantTypeEnum.Password, username, password });
    const refused = await refusal(tokens.createToken({ grantType: CreateTokenGrantTypeEnum.Password, username, password: 'wrong' }));

    assert.equal(granted.tokenType.toLowerCase(), 'bearer');
    assert.ok(granted.expiresIn > 0);
    assert.equal(refused.response.status, 400);
    assert.equal((await tokenError(refused))?.error, 'invalid_grant');
    const withToken = new EmailAccountsApi(createConfiguration({ baseUrl, auth: { bearer: granted.accessToken } }));
    assert.ok(await withToken.searchEmailAccounts({ size: 1 }));
});

test('a create sent again with its key is made once and answered as the first time; another body under it is a 422', async () => {
    const idempotencyKey = `typescript-${Date.now()}-${Math.random()}`;

    const first = await emailAccounts.createEmailAccountRaw({ emailAccountFields: { ...fields('Sent twice'), businessId: business + 1 }, idempotencyKey });
    const again = await emailAccounts.createEmailAccountRaw({ emailAccountFields: { ...fields('Sent twice'), businessId: business + 1 }, idempotencyKey });
    const other = await refusal(emailAccounts.createEmailAccount({ emailAccountFields: { ...fields('Another body'), businessId: business + 1 }, idempotencyKey }));

    assert.equal(first.raw.headers.get('Idempotent-Replayed'), null);
    assert.equal(again.raw.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await again.value(), await first.value());
    assert.equal(other.response.status, 422);
    assert.deepEqual(Object.keys(await propertyErrors(other)), ['Idempotency-Key']);
});

test('create, get, update with If-Match, delete', async () => {
    const created = await emailAccounts.createEmailAccount({ emailAccountFields: fields('Help desk') });
    const id = created.value!.id;

    const read = await emailAccounts.getEmailAccountRaw({ id });
    const record = await read.value();
    const etag = read.raw.headers.get('ETag')!;
    const updated = await emailAccounts.updateEmailAccount({
        emailAccountUpdate: { ...fields('Help desk, renamed'), id }, ifMatch: etag,
    });
    const stale = await refusal(emailAccounts.updateEmailAccount({
        emailAccountUpdate: { ...fields('Lost update'), id }, ifMatch: etag,
    }));
    const deleted = await emailAccounts.deleteEmailAccount({ id });
    const gone = await refusal(emailAccounts.getEmailAccount({ id }));

    assert.equal(created.wasSuccessful, true);
    assert.equal(record.displayName, 'Help desk');
    assert.equal(record.incomingServerType, EmailServerType.Imap);
    assert.equal(record.deleteMessageSettings, MessageDeletionPolicy.DeleteWhenDeleting);
    assert.equal(etag, '"1"');
    assert.equal(updated.wasSuccessful, true);
    assert.equal(stale.response.status, 412);
    assert.ok('Id' in await propertyErrors(stale));
    assert.equal(deleted.value?.id, id);
    assert.equal(gone.response.status, 404);
});

test('search pages through the records a filter selects, in the order asked for', async () => {
    for (const name of ['Charlie', 'Alpha', 'Bravo']) {
        await emailAccounts.createEmailAccount({ emailAccountFields: fields(name) });
    }

    const first = await emailAccounts.searchEmailAccounts({
        emailAccountBusiness: business, orderBy: EmailAccountOrderField.DisplayName, page: 1, size: 2,
    }) as EmailAccountList;
    const second = await emailAccounts.searchEmailAccounts({
        emailAccountBusiness: business, orderBy: EmailAccountOrderField.DisplayName, page: 2, size: 2,
    }) as EmailAccountList;

    assert.deepEqual(first.records.map(record => record.displayName), ['Alpha', 'Bravo']);
    assert.equal(first.totalItems, 3);
    assert.equal(first.hasNextPage, true);
    assert.deepEqual(second.records.map(record => record.displayName), ['Charlie']);
    assert.equal(second.hasNextPage, false);
});

test('a refused write is a typed error that names every broken rule, and changes nothing', async () => {
    const refused = await refusal(emailAccounts.createEmailAccount({
        emailAccountFields: { ...fields(''), incomingServerPort: 70_000 },
    }));

    assert.equal(refused.response.status, 400);
    const errors = await propertyErrors(refused);
    assert.ok('IncomingServerPort' in errors, JSON.stringify(errors));
    assert.ok('DisplayName' in errors, JSON.stringify(errors));
    assert.equal((await errorEnvelope(refused))?.wasSuccessful, false);
});
