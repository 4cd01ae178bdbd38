// The id this project's server gives each request (Request-Id) reaches the caller with a failure, and the debug line of
// each request sent again names the id of the answer that asked for it; the same cases as the Java client's RequestIdsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestId, ResponseError } from '../src';
import { answers, standInApi as api } from './stand-in';

const NOT_FOUND = JSON.stringify({
    Status: 404, Message: 'Id: EmailAccount 7 was not found', Value: null, Errors: [], WasSuccessful: false,
});

test("a failure names its request by the answer's Request-Id", async () => {
    const emailAccounts = await api();
    answers.push({ status: 404, body: NOT_FOUND, headers: { 'Request-Id': '4bf92f3577b34da6a3ce929d0e0e4736' } });

    const failure = await emailAccounts.getEmailAccount({ id: 7 }).catch(error => error);

    assert.ok(failure instanceof ResponseError);
    assert.equal(requestId(failure), '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(requestId(failure.response), '4bf92f3577b34da6a3ce929d0e0e4736');
});

test('an answer that names no request, and no answer, have none', async () => {
    const emailAccounts = await api();
    answers.push({ status: 404, body: NOT_FOUND });

    assert.equal(requestId(await emailAccounts.getEmailAccount({ id: 7 }).catch(error => error)), undefined);
    assert.equal(requestId(new TypeError('fetch failed')), undefined);
    assert.equal(requestId(undefined), undefined);
});

test('each request sent again is told at debug level with the id of the answer that asked for it', async () => {
    const lines: string[] = [];
    const emailAccounts = await api('b', undefined, undefined, { logger: { debug: line => lines.push(line) } });
    answers.push({ status: 503, body: '', headers: { 'Retry-After': '1', 'Request-Id': 'first-attempt' } },
        { status: 200, body: JSON.stringify({ Status: 200, Message: 'deleted', Value: { Id: 7 }, WasSuccessful: true }) });

    await emailAccounts.deleteEmailAccount({ id: 7 });

    assert.deepEqual(lines, [
        'DELETE /api/crm/emailaccounts/7 answered 503 (Request-Id first-attempt): sending it again in 1000 ms (attempt 2)',
    ]);
});

test('a request sent again after no answer is told without an id', async () => {
    const lines: string[] = [];
    const emailAccounts = await api('b', undefined, undefined, { logger: { debug: line => lines.push(line) } });
    answers.push('lost', { status: 200, body: JSON.stringify({ Status: 200, Message: 'deleted', Value: { Id: 7 }, WasSuccessful: true }) });

    await emailAccounts.deleteEmailAccount({ id: 7 });

    assert.equal(lines.length, 1);
    assert.match(lines[0], /^DELETE \/api\/crm\/emailaccounts\/7 got no answer \(TypeError: fetch failed \(\w+\)\): sending it again in 500 ms \(attempt 2\)$/);
});
