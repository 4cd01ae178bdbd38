// The clients' network behaviour as the scenario file (client/src/test/resources/network-behaviour.json) writes it down
// for both clients, run with the TypeScript client against the local stand-in: each attempt routed to it, or to a
// closed port when the scenario says the connection is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import {
    AuthenticationApi, ClientOptions, createConfiguration, CreateTokenGrantTypeEnum, EmailAccountsApi, FetchAPI,
    FetchError, HOSTED_BASE_URL, ResponseError,
} from '../src';
import { Answer, answers, Recorded, requests, standIn, waits } from './stand-in';

type Outcome = { status: number } | { failure: 'network' | 'timeout' };
type Expected = {
    attempts: number; requests: string[]; keys?: Array<string | null>; prefer?: Array<string | null>; waitsMs: number[];
    outcomes: Outcome[];
};
type Scenario = {
    name: string; row: string; server: 'this' | 'hosted'; auth?: 'basic' | 'passwordGrant';
    options?: Partial<Pick<ClientOptions, 'maxRetries' | 'maxRetryWaitMs' | 'requestTimeoutMs' | 'strictHandling'>>;
    calls: string[];
    answers: Array<string | { status: number; headers?: Record<string, string>; body?: string }>;
    expect: Expected; typescript?: Partial<Expected> & { why: string };
};

const BEHAVIOUR: { bodies: Record<string, unknown>; scenarios: Scenario[] } = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../../src/test/resources/network-behaviour.json'), 'utf8'));
const CALLERS_KEY = 'order-4711-inbox';
const MADE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<string> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>(resolve => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
}

/** What the stand-in answers to the attempts that reach it. */
function standInAnswer(answer: Scenario['answers'][number]): Answer | undefined {
    if (answer === 'lost' || answer === 'silent') {
        return answer;
    }
    if (typeof answer === 'string') {
        return undefined; // 'refused', 'connect-timeout': never reaches the stand-in
    }
    return { status: answer.status, headers: answer.headers,
        body: answer.body === undefined ? '' : JSON.stringify(BEHAVIOUR.bodies[answer.body]) };
}

/** One call as the caller sees it: the status of the answer returned or raised, or the failure raised. */
async function outcome(emailAccounts: EmailAccountsApi, tokens: AuthenticationApi, call: string): Promise<Outcome> {
    const fields = { businessId: 1001, displayName: 'Inbox' } as any;
    try {
        const answer = await ({
            get: () => emailAccounts.getEmailAccountRaw({ id: 7 }),
            update: () => emailAccounts.updateEmailAccountRaw({ emailAccountUpdate: { id: 7, ...fields } }),
            delete: () => emailAccounts.deleteEmailAccountRaw({ id: 7 }),
            create: () => emailAccounts.createEmailAccountRaw({ emailAccountFields: fields }),
            createWithKey: () => emailAccounts.createEmailAccountRaw({ emailAccountFields: fields, idempotencyKey: CALLERS_KEY }),
            token: () => tokens.createTokenRaw({ grantType: CreateTokenGrantTypeEnum.Password, username: 'a', password: 'b' }),
        } as Record<string, () => Promise<{ raw: Response }>>)[call]();
        return { status: answer.raw.status };
    } catch (error) {
        if (error instanceof ResponseError) {
            return { status: error.response.status };
        }
        assert.ok(error instanceof FetchError, `a ResponseError or a FetchError, not ${error}`);
        return { failure: (error.cause as Error | undefined)?.name === 'TimeoutError' ? 'timeout' : 'network' };
    }
}

/** The request as the scenario file writes it: method and path, a token request with its grant type. */
function line(request: Recorded): string {
    const pathOnly = request.url.replace(/\?.*/, '');
    return pathOnly === '/api/token'
        ? `${request.method} ${pathOnly} grant_type=${new URLSearchParams(request.body).get('grant_type') ?? ''}`
        : `${request.method} ${pathOnly}`;
}

/** The keys as the scenario file writes them: a key the client made as #1, #2 (in order), the caller's as it is. */
function keys(seen: Recorded[]): Array<string | null> {
    const symbols = new Map<string, string>();
    return seen.map(({ key }) => {
        if (key === undefined || key === CALLERS_KEY) {
            return key ?? null;
        }
        assert.match(key, MADE_KEY, 'a key the client made');
        if (!symbols.has(key)) {
            symbols.set(key, `#${symbols.size + 1}`);
        }
        return symbols.get(key)!;
    });
}

for (const scenario of BEHAVIOUR.scenarios) {
    test(scenario.name, async () => {
        const address = await standIn();
        const refused = await closedPort();
        const plan = scenario.answers.map(answer => (typeof answer === 'string' ? answer : 'answer'));
        scenario.answers.map(standInAnswer).forEach(answer => answer && answers.push(answer));
        let attempts = 0;
        const routed: FetchAPI = async (input, init) => {
            attempts++;
            const next = plan.shift();
            if (next === 'connect-timeout') {
                // What Node.js's fetch raises when a connection is not opened in time.
                throw new TypeError('fetch failed', {
                    cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
                });
            }
            const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
            const target = new URL(next === 'refused' ? refused : address);
            url.protocol = target.protocol;
            url.host = target.host;
            return globalThis.fetch(url.href, init);
        };
        const options = {
            baseUrl: scenario.server === 'hosted' ? HOSTED_BASE_URL : 'http://localhost:8080', fetch: routed,
            sleep: async (ms: number) => { waits.push(ms); }, ...scenario.options,
        };
        const emailAccounts = new EmailAccountsApi(createConfiguration({
            ...options,
            auth: scenario.auth === 'passwordGrant'
                ? { passwordGrant: { username: 'a', password: 'b' } } : { basic: { username: 'a', password: 'b' } },
        }));
        const tokens = new AuthenticationApi(createConfiguration({ ...options, auth: { none: true } }));

        const outcomes: Outcome[] = [];
        for (const call of scenario.calls) {
            outcomes.push(await outcome(emailAccounts, tokens, call));
        }

        const expected: Expected = { ...scenario.expect, ...scenario.typescript };
        assert.equal(attempts, expected.attempts, 'attempts');
        assert.deepEqual(requests.map(line), expected.requests, 'requests');
        assert.deepEqual(waits, expected.waitsMs, 'waits (ms)');
        assert.deepEqual(outcomes, expected.outcomes, 'outcomes');
        if (expected.keys) {
            assert.deepEqual(keys(requests), expected.keys, 'Idempotency-Key');
        }
        if (expected.prefer) {
            assert.deepEqual(requests.map(request => request.prefer ?? null), expected.prefer, 'Prefer');
        }
    });
}
