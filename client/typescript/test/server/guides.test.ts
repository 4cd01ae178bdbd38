// The TypeScript samples of the README and the guides (api/guides), as written: each type-checked in strict mode
// against the package; the getting-started program then run against the server TypeScriptClientIT started (its base
// URL put in place of the guide's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { typeProblems } from '../typecheck';

const ROOT = path.resolve(__dirname, '../../../../../..');
const DOCUMENTED_BASE_URL = "'http://localhost:8080'";

/** Every typescript block of the README and the guides, by the page it is on. */
function samples(): Array<{ page: string; source: string }> {
    const guides = readdirSync(path.join(ROOT, 'api/guides')).filter(name => /^\d+-[a-z0-9-]+\.md$/.test(name)).sort()
        .map(name => path.join('api/guides', name));
    return ['README.md', ...guides].flatMap(page => [...readFileSync(path.join(ROOT, page), 'utf8')
        .matchAll(/^```typescript\n([\s\S]*?)^```/gm)].map(match => ({ page, source: match[1] })));
}

/** The getting-started program: the one sample that runs a main(). */
function sample(): string {
    const programs = samples().filter(({ source }) => /\nmain\(\);\s*$/.test(source));
    assert.equal(programs.length, 1, 'one TypeScript program in the README and the guides');
    return programs[0].source;
}

test('every TypeScript sample of the README and the guides type-checks in strict mode', () => {
    const all = samples();
    assert.ok(all.length >= 1, 'the guides show TypeScript');
    all.forEach(({ page, source }) => assert.ok(source.includes("from '@emailaccounts/client'"),
        `${page}: a TypeScript sample imports what it uses from '@emailaccounts/client'`));
    assert.deepEqual(typeProblems(new Map(all.map(({ source }, i) => [`sample-${i}.ts`, source]))), []);
});

test('the getting-started program runs against the server', async () => {
    const baseUrl = process.env.EMAILACCOUNTS_BASE_URL;
    assert.ok(baseUrl, 'EMAILACCOUNTS_BASE_URL is set (TypeScriptClientIT starts a server)');
    const source = sample();
    assert.ok(source.includes(DOCUMENTED_BASE_URL), `the sample talks to ${DOCUMENTED_BASE_URL}`);
    const javascript = ts.transpileModule(source.replace(DOCUMENTED_BASE_URL, JSON.stringify(baseUrl)), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    assert.match(javascript, /\nmain\(\);\s*$/, 'the sample ends by calling main()');
    const printed: unknown[][] = [];
    const { log, error } = console;
    console.log = (...values: unknown[]) => printed.push(values);
    console.error = (...values: unknown[]) => printed.push(values);
    try {
        const module = { exports: {} as any };
        const run = new Function('require', 'module', 'exports', 'process',
            javascript.replace(/\nmain\(\);\s*$/, '\nmodule.exports = main();'));
        run((name: string) => require(name === '@emailaccounts/client' ? '../../src' : name), module, module.exports, process);
        await module.exports;
    } finally {
        console.log = log;
        console.error = error;
    }

    const lines = printed.map(values => values.map(value => typeof value === 'string' ? value : JSON.stringify(value)).join(' '));
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0], /^Created \d+; business 1001 has \d+ records$/);
    assert.match(lines[1], /^400 \{"IncomingServerPort":".+"\}$/);
});
