// The hand-written part of the TypeScript client: a Configuration for the generated API classes that signs in, retries
// what the server asks to be sent again, reports a 2xx that says it failed as the failure it is, and helpers that
// read errors and date-times. Everything else is generated from api/openapi.yaml (./generated).
import {
    AuthenticationApi,
    Configuration,
    CreateTokenGrantTypeEnum,
    ErrorResponse,
    ErrorResponseFromJSON,
    FetchAPI,
    Middleware,
    RequestContext,
    ResponseError,
    TokenError,
    TokenErrorFromJSON,
} from './generated';

/** The hosted Nexudus Spaces service. */
export const HOSTED_BASE_URL = 'https://spaces.nexudus.com';

/**
 * How requests are signed: HTTP Basic, a bearer token you hold, the password grant (signs in and renews), or none. A
 * bearer token may be a function, asked before each request: for tokens of your organisation's OpenID Connect issuer,
 * which your code renews (with its identity provider's library), return the current one.
 */
export type Auth =
    | { basic: { username: string; password: string } }
    | { bearer: string | (() => string | Promise<string>) }
    | { passwordGrant: { username: string; password: string } }
    | { none: true };

/** What `createConfiguration` makes a configuration of: where to send, how to sign in, how to wait and send again. */
export interface ClientOptions {
    /** This server's address, or HOSTED_BASE_URL. */
    baseUrl: string;
    auth: Auth;
    /** How many times a request is sent again when the server asks for it (429, 503, 409 with Retry-After); default 3. */
    maxRetries?: number;
    /** The longest wait before sending again, in milliseconds; a longer Retry-After is handed back as the failure. Default 30 s. */
    maxRetryWaitMs?: number;
    /**
     * How long one attempt may wait for the answer's status and headers, in milliseconds; default 30 s. An attempt that
     * takes longer is aborted, and sent again when it may be repeated. Opening the connection is bounded by the
     * platform: 10 s on Node.js (its fetch's own connect timeout), the browser's own in a browser.
     */
    requestTimeoutMs?: number;
    /**
     * Whether creates and updates ask for strict handling (`Prefer: handling=strict`); default true. The server then
     * refuses a property it does not know (400, naming it) instead of ignoring it. Turn it off to send bodies with
     * properties of your own that the server should ignore.
     */
    strictHandling?: boolean;
    /** The fetch to send with; default the global one. */
    fetch?: FetchAPI;
    /** How to wait before sending again; default a timer. */
    sleep?: (milliseconds: number) => Promise<void>;
    /**
     * Where each request sent again is told, at debug level: its method and path, the status and `Request-Id` of the
     * answer that asked for it (or the network's failure), and the wait. Default none; `console` will do.
     */
    logger?: { debug(message: string): void };
    /**
     * Whether credentials (a password, a token, a token request's password) may go over plain http:// to a host other
     * than this machine (localhost, 127.0.0.1, ::1). Default false: a base URL missing its "s" fails at once instead of sending the
     * password in the clear. Turn it on for a network you trust end to end.
     */
    allowPlainHttpCredentials?: boolean;
}

/**
 * A Configuration for the generated API classes: `new EmailAccountsApi(createConfiguration({...}))`. The same code
 * talks to this server or to the hosted service, given its base URL (what the clients do differently with each, the
 * guide Clients tells).
 */
export function createConfiguration(options: ClientOptions): Configuration {
    requireSensibleOptions(options);
    requireSafeTransport(options);
    const fetchApi = reportingFailures(retrying(options.fetch ?? globalThis.fetch, options));
    const basePath = options.baseUrl.replace(/\/+$/, '');
    const middleware: Middleware[] = [];
    const authorization = authorizationOf(options.auth, () => new Configuration({ basePath, fetchApi }));
    if (authorization) {
        middleware.push({
            pre: async (context: RequestContext) => {
                const headers = new Headers(context.init.headers as HeadersInit | undefined);
                headers.set('Authorization', await authorization());
                return { url: context.url, init: { ...context.init, headers } };
            },
        });
    }
    return new Configuration({ basePath, fetchApi, middleware });
}

/** Retries a whole number of times, 0 or more; waits of 0 ms or more; a timeout longer than 0 ms (as in Java). */
function requireSensibleOptions(options: ClientOptions): void {
    const check = (name: string, value: number | undefined, sensible: (value: number) => boolean, what: string) => {
        if (value !== undefined && !(Number.isFinite(value) && sensible(value))) {
            throw new RangeError(`${name} must be ${what}, was ${value}`);
        }
    };
    check('maxRetries', options.maxRetries, value => Number.isInteger(value) && value >= 0, 'a whole number, 0 or more');
    check('maxRetryWaitMs', options.maxRetryWaitMs, value => value >= 0, '0 or more');
    check('requestTimeoutMs', options.requestTimeoutMs, value => value > 0, 'more than 0');
}

/**
 * Every configuration sends credentials: a password or a token with each request, or (without auth) the token
 * request's password. So they go over https://, or to this machine, or where the options allow plain http://.
 */
function requireSafeTransport(options: ClientOptions): void {
    const url = new URL(options.baseUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'http:' && !loopback && !options.allowPlainHttpCredentials) {
        throw new Error(`Refusing to send credentials over plain http:// to ${url.hostname}: they could be read on the `
            + 'way. Use https://, or allowPlainHttpCredentials: true on a network you trust end to end.');
    }
}

function authorizationOf(auth: Auth, unauthenticated: () => Configuration): (() => Promise<string>) | undefined {
    if ('basic' in auth) {
        const credentials = base64(`${auth.basic.username}:${auth.basic.password}`);
        return async () => `Basic ${credentials}`;
    }
    if ('bearer' in auth) {
        const bearer = auth.bearer;
        return typeof bearer === 'function' ? async () => `Bearer ${await bearer()}` : async () => `Bearer ${bearer}`;
    }
    if ('passwordGrant' in auth) {
        const tokens = new PasswordGrantTokens(new AuthenticationApi(unauthenticated()), auth.passwordGrant.username,
            auth.passwordGrant.password);
        return async () => `Bearer ${await tokens.accessToken()}`;
    }
    return undefined;
}

/** Signs in with the password grant on first use; renews shortly before expiry with the refresh token, else the password. */
class PasswordGrantTokens {
    private static readonly RENEW_BEFORE_MS = 60_000;
    private current?: { accessToken: string; refreshToken?: string; expiresAt: number };
    private pending?: Promise<string>;

    constructor(private readonly tokens: AuthenticationApi, private readonly username: string,
                private readonly password: string) {
    }

    accessToken(): Promise<string> {
        if (this.current && Date.now() < this.current.expiresAt - PasswordGrantTokens.RENEW_BEFORE_MS) {
            return Promise.resolve(this.current.accessToken);
        }
        this.pending ??= this.renew().finally(() => (this.pending = undefined));
        return this.pending;
    }

    private async renew(): Promise<string> {
        let answer;
        if (this.current?.refreshToken) {
            try {
                answer = await this.tokens.createToken({
                    grantType: CreateTokenGrantTypeEnum.RefreshToken, refreshToken: this.current.refreshToken,
                });
            } catch (refused) {
                answer = undefined; // a used or expired refresh token: sign in again
            }
        }
        answer ??= await this.tokens.createToken({
            grantType: CreateTokenGrantTypeEnum.Password, username: this.username, password: this.password,
        });
        this.current = {
            accessToken: answer.accessToken,
            refreshToken: answer.refreshToken ?? undefined,
            expiresAt: Date.now() + answer.expiresIn * 1000,
        };
        return answer.accessToken;
    }
}

/** Base64 of the text's UTF-8 bytes, with what browsers and Node.js both have (no Buffer). */
function base64(text: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary);
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const IDEMPOTENCY_KEY = 'Idempotency-Key';
/** The hosted service ignores Idempotency-Key: a create sent to it again could make a second record. */
const HOSTED_HOST = 'spaces.nexudus.com';
const FIRST_BACKOFF_MS = 500;

/** A random UUID (version 4): the Web Crypto API's where it has one (secure contexts), else from its random bytes. */
export function randomKey(): string {
    const crypto = globalThis.crypto;
    if (typeof crypto?.randomUUID === 'function') {
        return crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    if (typeof crypto?.getRandomValues === 'function') {
        crypto.getRandomValues(bytes);
    } else {
        bytes.forEach((_, i) => (bytes[i] = Math.floor(Math.random() * 256)));
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A create (a POST of the API, not a token request) gets an Idempotency-Key unless the caller gave one: the same for
 * every attempt, so that the server makes the record once however often it is sent.
 */
function withIdempotencyKey(method: string, init: RequestInit | undefined): RequestInit | undefined {
    const headers = new Headers(init?.headers);
    if (method !== 'POST' || headers.has(IDEMPOTENCY_KEY) || isForm(init)) {
        return init;
    }
    headers.set(IDEMPOTENCY_KEY, randomKey());
    return { ...init, headers };
}

/** A token request (form-encoded, OAuth 2), which is neither a create nor an update. */
function isForm(init: RequestInit | undefined): boolean {
    return init?.body instanceof URLSearchParams
        || (new Headers(init?.headers).get('Content-Type') ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * A create or an update (a PUT or POST with a JSON body, not a token request) asks for strict handling unless the
 * options turn it off or the caller set its own `Prefer` (RFC 7240; a server that does not know the preference ignores
 * it).
 */
function withPreferences(method: string, init: RequestInit | undefined, options: ClientOptions): RequestInit | undefined {
    const headers = new Headers(init?.headers);
    if (options.strictHandling === false || init?.body == null || !(method === 'PUT' || method === 'POST')
        || isForm(init) || headers.has('Prefer')) {
        return init;
    }
    headers.set('Prefer', 'handling=strict');
    return { ...init, headers };
}

/** A read, an update, a delete, or a create with its Idempotency-Key to a server that honours it (not the hosted service). */
function mayRepeat(method: string, url: string, init: RequestInit | undefined): boolean {
    return IDEMPOTENT.has(method)
        || (new Headers(init?.headers).has(IDEMPOTENCY_KEY) && new URL(url).hostname.toLowerCase() !== HOSTED_HOST);
}

/**
 * Sends again when the server asks for it (429; a 409 with Retry-After; 503 for a request that may be repeated) or the
 * network failed: any request when the connection could not be opened, one that may be repeated after any other
 * failure (a connection reset or closed before the answer, no answer within the request timeout). Never follows a
 * redirect: the 3xx is the answer (a ResponseError; in a browser, one of status 0).
 */
function retrying(fetchApi: FetchAPI, options: ClientOptions): FetchAPI {
    const maxRetries = options.maxRetries ?? 3;
    const maxWait = options.maxRetryWaitMs ?? 30_000;
    const requestTimeout = options.requestTimeoutMs ?? 30_000;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
    const backoff = (retry: number) => Math.min(FIRST_BACKOFF_MS * 2 ** retry, maxWait);
    return async (input, original) => {
        const method = (original?.method ?? 'GET').toUpperCase();
        // A redirect is handed back, not followed: fetch would send a token request's password to wherever it points.
        const init: RequestInit = { ...withIdempotencyKey(method, withPreferences(method, original, options)), redirect: 'manual' };
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const repeatable = mayRepeat(method, url, init);
        for (let retry = 0; ; retry++) {
            // The caller's abort stops the call at once: before an attempt, during one, or while waiting for the next.
            init.signal?.throwIfAborted();
            let response: Response;
            try {
                response = await withTimeout(fetchApi, input, init, requestTimeout);
            } catch (failure) {
                if (retry >= maxRetries || init.signal?.aborted || !(repeatable || notConnected(failure))) {
                    throw failure;
                }
                logResend(options, method, url, retry, backoff(retry), `got no answer (${describe(failure)})`);
                await abortable(sleep(backoff(retry)), init.signal);
                continue;
            }
            const retryAfter = response.headers.get('Retry-After');
            const again = response.status === 429 || (response.status === 409 && retryAfter !== null)
                || (response.status === 503 && repeatable);
            if (!again || retry >= maxRetries) {
                return response;
            }
            const wait = parseRetryAfter(retryAfter) ?? backoff(retry);
            if (wait > maxWait) {
                return response;
            }
            logResend(options, method, url, retry, wait,
                `answered ${response.status} (Request-Id ${response.headers.get(REQUEST_ID) ?? 'none'})`);
            await response.body?.cancel();
            await abortable(sleep(wait), init.signal);
        }
    };
}

/** The answer's header that names its request: this project's server sends it, the hosted service does not. */
const REQUEST_ID = 'Request-Id';

/** One debug line for a request sent again: its method and path (no query, no header, no body), why, and when. */
function logResend(options: ClientOptions, method: string, url: string, retry: number, waitMs: number, why: string): void {
    options.logger?.debug(`${method} ${new URL(url).pathname} ${why}: sending it again in ${waitMs} ms (attempt ${retry + 2})`);
}

/** A failure's name and message, and its cause's code (Node.js's fetch puts the network's reason there). */
function describe(failure: unknown): string {
    const error = failure as { name?: string; message?: string; cause?: { code?: string } } | undefined;
    const code = error?.cause?.code;
    return `${error?.name ?? 'Error'}: ${error?.message ?? String(failure)}${code ? ` (${code})` : ''}`;
}

/**
 * The id this project's server gave the request (its answer's `Request-Id`): quote it to the server's operators, who
 * find the request's log lines by it. Read from a failed call's error, the `raw` response of an API class's `...Raw`
 * method, a Response or its Headers; undefined for a request that got no answer, and for the hosted service, which
 * names none.
 *
 *     catch (error) { console.error('update failed, request', requestId(error)); }
 */
export function requestId(source: unknown): string | undefined {
    return headersOf(source)?.get(REQUEST_ID) ?? undefined;
}

/** The wait, ended early by the caller's abort (with its reason). */
async function abortable(wait: Promise<void>, signal: AbortSignal | null | undefined): Promise<void> {
    if (!signal) {
        return wait;
    }
    signal.throwIfAborted();
    let stop = () => {};
    const aborted = new Promise<never>((_, reject) => {
        stop = () => reject(signal.reason);
        signal.addEventListener('abort', stop, { once: true });
    });
    try {
        await Promise.race([wait, aborted]);
    } finally {
        signal.removeEventListener('abort', stop);
    }
}

/**
 * One attempt, aborted when its answer's status and headers have not come within the timeout (the caller's own signal
 * still aborts it too). The timer is not left running once the answer has come.
 */
async function withTimeout(fetchApi: FetchAPI, input: RequestInfo | URL, init: RequestInit, timeoutMs: number): Promise<Response> {
    const attempt = new AbortController();
    const timeout = new Error(`no answer within ${timeoutMs} ms`);
    timeout.name = 'TimeoutError';
    const timer = setTimeout(() => attempt.abort(timeout), timeoutMs);
    const callerAborted = () => attempt.abort(init.signal?.reason);
    init.signal?.addEventListener('abort', callerAborted, { once: true });
    try {
        return await fetchApi(input, { ...init, signal: attempt.signal });
    } finally {
        clearTimeout(timer);
        init.signal?.removeEventListener('abort', callerAborted);
    }
}

/**
 * Node.js's codes for a connection that could not be opened: refused, timed out while connecting, no route, a name
 * that does not resolve. Nothing reached the server, so any request may be sent again.
 */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Nothing reached the server when the connection could not be opened. */
function notConnected(failure: unknown): boolean {
    const cause = (failure as { cause?: { code?: string } } | undefined)?.cause;
    return cause?.code !== undefined && NOT_CONNECTED.has(cause.code);
}

/** Retry-After: seconds, or an HTTP date (RFC 9110, section 10.2.3); milliseconds to wait, undefined when unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
    if (value === null) {
        return undefined;
    }
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed)) {
        return Number(trimmed) * 1000;
    }
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The hosted service answers some failures with HTTP 200 and `WasSuccessful: false`: such an answer is handed on with
 * the status its envelope names (`Status`), or 400, so the generated API raises the ResponseError a 400 raises.
 */
function reportingFailures(fetchApi: FetchAPI): FetchAPI {
    return async (input, init) => {
        const response = await fetchApi(input, init);
        if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('json')) {
            return response;
        }
        const text = await response.text();
        let status = response.status;
        if (text.includes('"WasSuccessful"')) {
            try {
                const envelope = JSON.parse(text);
                if (envelope !== null && typeof envelope === 'object' && envelope.WasSuccessful === false) {
                    status = typeof envelope.Status === 'number' && envelope.Status >= 400 && envelope.Status <= 599
                        ? envelope.Status : 400;
                }
            } catch {
                // not JSON after all: handed on as it came
            }
        }
        return new Response(text, { status, statusText: response.statusText, headers: response.headers });
    };
}

/** The error envelope (`WasSuccessful: false`, `Errors`) of a failed call; undefined when the body is not one. */
export async function errorEnvelope(error: unknown): Promise<ErrorResponse | undefined> {
    const body = await jsonBody(error);
    return body !== null && typeof body === 'object' && Array.isArray(body.Errors) ? ErrorResponseFromJSON(body) : undefined;
}

/**
 * Property name to message, one entry per broken rule in the order the server reported them; errors about the whole
 * request under ''. Empty when the body is not an error envelope.
 */
export async function propertyErrors(error: unknown): Promise<Record<string, string>> {
    const errors: Record<string, string> = {};
    for (const item of (await errorEnvelope(error))?.errors ?? []) {
        const name = item.propertyName ?? '';
        if (!(name in errors)) {
            errors[name] = item.message ?? '';
        }
    }
    return errors;
}

/** The OAuth 2.0 error (`invalid_grant`, ...) of a refused sign-in. */
export async function tokenError(error: unknown): Promise<TokenError | undefined> {
    const body = await jsonBody(error);
    return body !== null && typeof body === 'object' && typeof body.error === 'string' ? TokenErrorFromJSON(body) : undefined;
}

async function jsonBody(error: unknown): Promise<any> {
    if (!(error instanceof ResponseError)) {
        return undefined;
    }
    try {
        return JSON.parse(await error.response.clone().text());
    } catch {
        return undefined;
    }
}

const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Reads a date-time as the API sends it, with or without an offset and fractions: without an offset it is UTC (as
 * the contract says of its filters; JavaScript's Date would take it as local time). Undefined for null or undefined.
 */
export function dateTime(value: string | null | undefined): Date | undefined {
    if (value == null) {
        return undefined;
    }
    const text = value.trim();
    const date = new Date(WITHOUT_OFFSET.test(text) ? `${text}Z` : text);
    if (Number.isNaN(date.getTime())) {
        throw new RangeError(`not an ISO 8601 date-time: ${value}`);
    }
    return date;
}

/**
 * Where the caller stands under a rate limit, from an answer's `RateLimit` and `RateLimit-Policy` fields
 * (draft-ietf-httpapi-ratelimit-headers). This project's server sends them on every answer to a write its limit counts
 * and on every 429; the hosted service sends neither.
 */
export interface RateLimitStatus {
    /** The limit's name, such as `writes`. */
    policy: string;
    /** The requests left under it. */
    remaining: number;
    /** Seconds until at least one more is available, when the answer says. */
    untilMoreSeconds?: number;
    /** The requests it allows per window, when the answer names the policy. */
    quota?: number;
    /** That window in seconds, when the answer gives it. */
    windowSeconds?: number;
}

/**
 * The rate limit an answer reports: from a failed call's error (a 429 of this project's server always has one), the
 * `raw` response of an API class's `...Raw` method, a Response or its Headers. Undefined when it has none (the hosted
 * service's answers), or when a field is not a valid Structured Fields list (RFC 9651) of the draft's items (a string
 * naming the policy, `r`, `t` and `q` non-negative integers, `w` a positive one): such a field is ignored whole.
 *
 *     const answer = await emailAccounts.updateEmailAccountRaw({ emailAccountUpdate });
 *     const limit = rateLimitStatus(answer.raw); // { policy: 'writes', remaining: 597, untilMoreSeconds: 1, quota: 600, windowSeconds: 60 }
 */
export function rateLimitStatus(source: unknown): RateLimitStatus | undefined {
    const headers = headersOf(source);
    const limits = stringItems(headers?.get('RateLimit') ?? null);
    const valid = (item: Item, name: string, optional: boolean, positive = false) =>
        (optional && !item.parameters.has(name)) || isCount(item.parameters.get(name), positive);
    if (limits === undefined || !limits.every(item => valid(item, 'r', false) && valid(item, 't', true))) {
        return undefined;
    }
    const limit = limits[0];
    const policies = stringItems(headers?.get('RateLimit-Policy') ?? null);
    const policy = policies !== undefined && policies.every(item => valid(item, 'q', false) && valid(item, 'w', true, true))
        ? policies.find(item => item.name === limit.name) : undefined;
    const optional = (name: string, value: unknown) => (typeof value === 'number' ? { [name]: value } : {});
    return {
        policy: limit.name,
        remaining: limit.parameters.get('r') as number,
        ...optional('untilMoreSeconds', limit.parameters.get('t')),
        ...optional('quota', policy?.parameters.get('q')),
        ...optional('windowSeconds', policy?.parameters.get('w')),
    };
}

function isCount(value: unknown, positive: boolean): value is number {
    return typeof value === 'number' && Number.isInteger(value) && (positive ? value > 0 : value >= 0);
}

function headersOf(source: unknown): Headers | undefined {
    if (source instanceof ResponseError) {
        return source.response.headers;
    }
    if (source instanceof Headers) {
        return source;
    }
    if (source instanceof Response) {
        return source.headers;
    }
    const raw = (source as { raw?: unknown } | null | undefined)?.raw;
    return raw instanceof Response ? raw.headers : undefined;
}

/** A member of a Structured Fields list whose item is a string (the policy's name), and its parameters. */
type Item = { name: string; parameters: Map<string, unknown> };

/** A string item, told apart from a token. */
class StringItem {
    constructor(readonly value: string) {}
}

/**
 * The field as a Structured Fields list of string items (RFC 9651, section 4.2); undefined when it is absent, not
 * valid, or has a member that is not a string (an inner list, a token, a number).
 */
function stringItems(field: string | null): Item[] | undefined {
    if (field === null) {
        return undefined;
    }
    let at = 0;
    const fail = (what: string): never => {
        throw new SyntaxError(what);
    };
    const skip = (characters: string) => {
        while (at < field.length && characters.includes(field[at])) {
            at++;
        }
    };
    const matched = (pattern: RegExp, what: string): string => {
        pattern.lastIndex = at;
        const match = pattern.exec(field) ?? fail(what);
        at += match[0].length;
        return match[0];
    };
    const bareItem = (): unknown => {
        const first = field[at] ?? '';
        if (first === '"') {
            const text = matched(/"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*"/y, 'a string');
            return new StringItem(text.slice(1, -1).replace(/\\(["\\])/g, '$1'));
        }
        if (first === '-' || /\d/.test(first)) {
            return Number(matched(/-?\d{1,15}(?![\d.])|-?\d{1,12}\.\d{1,3}(?!\d)/y, 'a number'));
        }
        if (first === ':') {
            return matched(/:[A-Za-z0-9+/=]*:/y, 'a byte sequence').slice(1, -1);
        }
        if (first === '?') {
            return matched(/\?[01]/y, 'a boolean') === '?1';
        }
        return matched(/[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*/y, 'an item');
    };
    try {
        const items: Item[] = [];
        skip(' ');
        while (at < field.length) {
            const name = bareItem();
            if (!(name instanceof StringItem)) {
                fail('not a string item');
            }
            const parameters = new Map<string, unknown>();
            while (field[at] === ';') {
                at++;
                skip(' ');
                const key = matched(/[a-z*][a-z0-9_.*-]*/y, 'a key');
                const value = field[at] === '=' ? (at++, bareItem()) : true;
                parameters.set(key, value instanceof StringItem ? value.value : value);
            }
            items.push({ name: (name as StringItem).value, parameters });
            skip(' \t');
            if (at < field.length) {
                matched(/,/y, "','");
                skip(' \t');
                if (at === field.length) {
                    fail('a trailing comma');
                }
            }
        }
        return items.length > 0 ? items : undefined;
    } catch {
        return undefined;
    }
}
