// A local stand-in server for the client's tests: it answers from a queue of canned answers (or drops the connection
// without one, as a server that died mid-request), records every request, and makes clients that note their waits
// instead of sleeping.
import { after } from 'node:test';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ClientOptions, createConfiguration, EmailAccountsApi } from '../src';

/**
 * 'lost': the request is read and the connection closed without an answer; 'silent': the request is read and never
 * answered, the connection left open.
 */
export type Answer = 'lost' | 'silent' | { status: number; body?: string; headers?: Record<string, string> };
export type Recorded = { method: string; url: string; key?: string; authorization?: string; prefer?: string; body: string };

export const answers: Answer[] = [];
export const requests: Recorded[] = [];
export const waits: number[] = [];

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
        requests.push({
            method: request.method ?? '', url: request.url ?? '', key: request.headers['idempotency-key'] as string | undefined,
            authorization: request.headers.authorization, prefer: request.headers.prefer as string | undefined, body,
        });
        const answer = answers.shift() ?? { status: 500, body: '' };
        if (answer === 'lost') {
            request.socket.destroy();
            return;
        }
        if (answer === 'silent') {
            return;
        }
        response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        response.end(answer.body ?? '');
    });
});
const listening = new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
after(() => {
    server.closeAllConnections();
    server.close();
});

/** The stand-in's address, once it listens, with its queues emptied for a new test. */
export async function standIn(): Promise<string> {
    await listening;
    answers.length = 0;
    requests.length = 0;
    waits.length = 0;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An API signed in with HTTP Basic against the stand-in, or against baseUrl through fetch, with further options. */
export async function standInApi(password = 'b', baseUrl?: string, fetch?: typeof globalThis.fetch,
                                 options: Partial<ClientOptions> = {}): Promise<EmailAccountsApi> {
    const address = await standIn();
    return new EmailAccountsApi(createConfiguration({
        baseUrl: baseUrl ?? address, auth: { basic: { username: 'a', password } }, sleep: async ms => { waits.push(ms); }, fetch,
        ...options,
    }));
}
