// Credentials go over https://, or to this machine; plain http:// to another host only when the options allow it.
// A redirect is not followed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationApi, createConfiguration, CreateTokenGrantTypeEnum, HOSTED_BASE_URL, ResponseError } from '../src';
import { answers, requests, standIn } from './stand-in';

const signedIn = [
    { basic: { username: 'me', password: 'secret' } },
    { bearer: 'a-token' },
    { bearer: () => 'a-token' },
    { passwordGrant: { username: 'me', password: 'secret' } },
];

test('refuses to send credentials over plain http:// to another machine', () => {
    for (const baseUrl of ['http://api.example.com', 'HTTP://10.0.0.5:8080/', 'http://[2001:db8::1]:8080']) {
        for (const auth of signedIn) {
            assert.throws(() => createConfiguration({ baseUrl, auth }), (error: Error) =>
                error.message.includes('plain http://') && !error.message.includes('secret'), baseUrl);
            assert.ok(createConfiguration({ baseUrl, auth, allowPlainHttpCredentials: true }), 'allowed by the options');
        }
        assert.throws(() => createConfiguration({ baseUrl, auth: { none: true } }), /plain http:\/\//,
            "without auth too: the token request's password");
    }
});

test('sends credentials over https:// and to this machine', () => {
    for (const baseUrl of ['https://api.example.com', 'http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080',
        HOSTED_BASE_URL]) {
        for (const auth of signedIn) {
            assert.ok(createConfiguration({ baseUrl, auth }), baseUrl);
        }
    }
});

test('a redirect is handed back as the answer, not followed with the credentials or the body', async () => {
    const address = await standIn();
    answers.push({ status: 307, headers: { Location: `${address}/elsewhere` } }, { status: 200, body: '{}' });
    const tokens = new AuthenticationApi(createConfiguration({ baseUrl: address, auth: { none: true } }));

    const refused = await tokens.createToken({ grantType: CreateTokenGrantTypeEnum.Password, username: 'me', password: 'secret' })
        .then(() => assert.fail('the redirect was followed'), (error: unknown) => error);

    assert.ok(refused instanceof ResponseError);
    assert.equal(refused.response.status, 307);
    assert.deepEqual(requests.map(request => request.url), ['/api/token']);
});

test('a bearer token given as a function is asked for before each request', async () => {
    const address = await standIn();
    answers.push({ status: 400, body: '{}' }, { status: 400, body: '{}' });
    let renewed = 0;
    const api = new AuthenticationApi(createConfiguration({ baseUrl: address, auth: { bearer: async () => `token-${++renewed}` } }));
    requests.length = 0;

    for (let i = 0; i < 2; i++) {
        await api.createToken({ grantType: CreateTokenGrantTypeEnum.Password, username: 'me', password: 'secret' }).catch(() => undefined);
    }

    assert.deepEqual(requests.map(request => request.authorization), ['Bearer token-1', 'Bearer token-2']);
});

