// The README's TypeScript sample, as written: type-checked in strict mode against the package, then run against
// the server TypeScriptClientIT started (its base URL put in place of the README's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { typeProblems } from './typecheck';

const README = path.resolve(__dirname, '../../../../../README.md');
const README_BASE_URL = "'http://localhost:8080'";

function sample(): string {
    const blocks = [...readFileSync(README, 'utf8').matchAll(/```typescript\n([\s\S]*?)```/g)]
        .map(match => match[1]).filter(block => block.includes("from '@emailaccounts/client'"));
    assert.equal(blocks.length, 1, 'one TypeScript sample in the README');
    return blocks[0];
}

test('the README sample type-checks in strict mode', () => {
    assert.deepEqual(typeProblems(new Map([['readme-sample.ts', sample()]])), []);
});

test('the README sample runs against the server', async () => {
    const baseUrl = process.env.EMAILACCOUNTS_BASE_URL;
    assert.ok(baseUrl, 'EMAILACCOUNTS_BASE_URL is set (TypeScriptClientIT starts a server)');
    const source = sample();
    assert.ok(source.includes(README_BASE_URL), `the sample talks to ${README_BASE_URL}`);
    const javascript = ts.transpileModule(source.replace(README_BASE_URL, JSON.stringify(baseUrl)), {
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
        run((name: string) => require(name === '@emailaccounts/client' ? '../src' : name), module, module.exports, process);
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
