// The TypeScript samples of the README and the guides (api/guides), as written, for the tests that check and run them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../../..');

/** The base URL the guides' programs talk to; the tests put the running server's in its place. */
export const DOCUMENTED_BASE_URL = "'http://localhost:8080'";

/** The README and the guides, each with its text. */
export function pages(): Array<{ page: string; text: string }> {
    const guides = readdirSync(path.join(ROOT, 'api/guides')).filter(name => /^\d+-[a-z0-9-]+\.md$/.test(name)).sort()
        .map(name => path.join('api/guides', name));
    return ['README.md', ...guides].map(page => ({ page, text: readFileSync(path.join(ROOT, page), 'utf8') }));
}

/** Every typescript block of the README and the guides, by the page it is on. */
export function samples(): Array<{ page: string; source: string }> {
    return pages().flatMap(({ page, text }) => [...text.matchAll(/^```typescript\n([\s\S]*?)^```/gm)]
        .map(match => ({ page, source: match[1] })));
}

/** The getting-started program: the one sample that runs a main(), talking to {@code baseUrl}. */
export function gettingStartedProgram(baseUrl: string): string {
    const programs = samples().filter(({ source }) => /\nmain\(\);\s*$/.test(source));
    assert.equal(programs.length, 1, 'one TypeScript program in the README and the guides');
    const source = programs[0].source;
    assert.ok(source.includes(DOCUMENTED_BASE_URL), `the program talks to ${DOCUMENTED_BASE_URL}`);
    return source.replace(DOCUMENTED_BASE_URL, JSON.stringify(baseUrl));
}

/** What the getting-started program prints, line by line: a record created and counted, then a refused update. */
export function assertGettingStartedOutput(lines: string[]): void {
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0], /^Created \d+; business 1001 has \d+ records$/);
    assert.match(lines[1], /^400 \{ IncomingServerPort: '.+' \}$/);
}
