// The writes left and when one more comes, read from the RateLimit fields this project's server sends with every
// answer to a write and every 429 (draft-ietf-httpapi-ratelimit-headers); the hosted service sends none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimitStatus, ResponseError } from '../src';
import { answers, standInApi as api } from './stand-in';

const of = (policy: string, limit: string) => rateLimitStatus(new Headers({ 'RateLimit-Policy': policy, RateLimit: limit }));

const ACCEPTED = JSON.stringify({
    Status: 200, Message: 'EmailAccount was successfully updated.', Value: { Id: 1 }, WasSuccessful: true,
});
const REFUSED = JSON.stringify({
    Status: 429, Message: 'Too many changes', Value: null, WasSuccessful: false,
    Errors: [{ AttemptedValue: null, Message: 'Too many changes', PropertyName: null }],
});
const update = { emailAccountUpdate: { id: 1, businessId: 1001, displayName: 'Inbox' } as any };

test('an accepted write tells the writes left, the policy and when one more comes', async () => {
    const emailAccounts = await api();
    answers.push({ status: 200, body: ACCEPTED, headers: { 'RateLimit-Policy': '"writes";q=600;w=60', RateLimit: '"writes";r=597;t=1' } });

    const answer = await emailAccounts.updateEmailAccountRaw(update);

    assert.deepEqual(rateLimitStatus(answer), { policy: 'writes', remaining: 597, untilMoreSeconds: 1, quota: 600, windowSeconds: 60 });
    assert.deepEqual(rateLimitStatus(answer.raw.headers), rateLimitStatus(answer));
});

test('a 429 tells none are left and when the next comes', async () => {
    const emailAccounts = await api('b', undefined, undefined, { maxRetries: 0 });
    answers.push({ status: 429, body: REFUSED, headers: { 'Retry-After': '2', 'RateLimit-Policy': '"writes";q=600;w=60', RateLimit: '"writes";r=0;t=2' } });

    const refused = await emailAccounts.updateEmailAccount(update).catch(error => error);

    assert.ok(refused instanceof ResponseError);
    assert.equal(rateLimitStatus(refused)?.remaining, 0);
    assert.equal(rateLimitStatus(refused)?.untilMoreSeconds, 2);
});

test("the hosted service's answers have none", async () => {
    const emailAccounts = await api();
    answers.push({ status: 200, body: ACCEPTED });

    assert.equal(rateLimitStatus(await emailAccounts.updateEmailAccountRaw(update)), undefined);
    assert.equal(rateLimitStatus(new Error('not an answer')), undefined);
    assert.equal(rateLimitStatus(undefined), undefined);
});

test('every form the draft allows is read', () => {
    assert.deepEqual(of('"burst";q=100;w=60, "daily";q=1000;w=86400', '"daily";r=999;t=3600;pk=:cHsdsRa894==:, "burst";r=50'),
        { policy: 'daily', remaining: 999, untilMoreSeconds: 3600, quota: 1000, windowSeconds: 86400 });
    assert.deepEqual(of('"other";q=5', '"default";r=3'), { policy: 'default', remaining: 3 });
});

// The same cases as the Java client's RateLimitStatusTest.
test('a field that is not a valid list of the draft items is ignored whole', () => {
    for (const limit of ['', '"broken;r=1, "writes";r=2', '"writes";r=5 garbage, "x";r=1', '"writes";r=1.5;t=1',
        '"writes";r=5;t=2.5', '"writes";r =5', '"writes";r=-1', '"writes";r=5;t=-1', '"writes";t=1', '"writes";r=5;flag=?x',
        ':d3JpdGVz:;r=5', 'writes;r=5', '("inner");r=1, "writes";r=2', '"writes";r=5;1k=2', '"writes";r=5;pk=:a b:',
        '"writes";r=12345678901234567890', '"writes";r=5,', '"wr\u00e9";r=5']) {
        assert.equal(of('"writes";q=600;w=60', limit), undefined, limit);
    }
    assert.equal(of('"writes";q=600;w=0', '"writes";r=5')?.quota, undefined, 'a policy field that is not valid');
});
