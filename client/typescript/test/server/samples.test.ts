// The TypeScript samples of the reference (x-codeSamples of api/openapi.yaml), which TypeScriptClientIT writes into
// EMAILACCOUNTS_SAMPLES, one file per operation: each type-checks in strict mode against this package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { typeProblems } from '../typecheck';

test("every TypeScript sample of the reference type-checks", () => {
    const directory = process.env.EMAILACCOUNTS_SAMPLES;
    assert.ok(directory, 'EMAILACCOUNTS_SAMPLES is set (TypeScriptClientIT writes the samples there)');
    const samples = new Map(readdirSync(directory).filter(name => name.endsWith('.ts'))
        .map(name => [name, readFileSync(path.join(directory, name), 'utf8')]));

    assert.ok(samples.size >= 6, `a sample per operation, found ${[...samples.keys()]}`);
    assert.deepEqual(typeProblems(samples), []);
});
