// The TypeScript samples of the README and the guides (api/guides), as written: each type-checked in strict mode
// against the package (installed.test.ts runs the getting-started program from the installed package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typeProblems } from '../typecheck';
import { samples } from './documented';

test('every TypeScript sample of the README and the guides type-checks in strict mode', () => {
    const all = samples();
    assert.ok(all.length >= 1, 'the guides show TypeScript');
    all.forEach(({ page, source }) => assert.ok(source.includes("from '@emailaccounts/client'"),
        `${page}: a TypeScript sample imports what it uses from '@emailaccounts/client'`));
    assert.deepEqual(typeProblems(new Map(all.map(({ source }, i) => [`sample-${i}.ts`, source]))), []);
});
