// The packed package (the .tgz `npm pack` made, which the README's install line names) installed into an empty npm
// project, as a developer's project gets it, then used against the server TypeScriptClientIT started: the guide's
// getting-started program as an ES module, type-checked with Node's own module rules (the `import` condition's types),
// and a CommonJS program that requires the package and finds the same exports as an import does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertGettingStartedOutput, gettingStartedProgram } from './documented';

const PACKAGE = path.resolve(__dirname, '../../..');
const TYPESCRIPT = require.resolve('typescript/bin/tsc');

function required(name: string): string {
    const value = process.env[name];
    assert.ok(value, `${name} is set (TypeScriptClientIT starts a server)`);
    return value;
}

function tarball(): string {
    const packed = readdirSync(PACKAGE).filter(name => /^emailaccounts-client-.+\.tgz$/.test(name));
    assert.equal(packed.length, 1, `one packed package in ${PACKAGE} (npm pack, run by the client module's build)`);
    return path.join(PACKAGE, packed[0]);
}

/** Runs node on a program of the project, with the password the guide's program reads; its output, line by line. */
function run(project: string, program: string): string[] {
    const result = spawnSync(process.execPath, [program], {
        cwd: project, encoding: 'utf8', timeout: 60_000,
        env: { ...process.env, EMAILACCOUNTS_PASSWORD: required('EMAILACCOUNTS_PASSWORD') },
    });
    assert.equal(result.status, 0, `node ${program}:\n${result.stdout}${result.stderr}`);
    return (result.stdout + result.stderr).split('\n').filter(line => line !== '');
}

test('the packed package installs into an empty project and runs there, imported and required', () => {
    const baseUrl = required('EMAILACCOUNTS_BASE_URL');
    const project = mkdtempSync(path.join(os.tmpdir(), 'installed-client-'));
    try {
        writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
        // The package has no dependencies of its own: nothing but the .tgz is needed.
        execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball()], { cwd: project });

        writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
            compilerOptions: {
                module: 'nodenext', target: 'es2022', strict: true, lib: ['es2022', 'dom'], types: ['node'],
                typeRoots: [path.join(PACKAGE, 'node_modules/@types')],
            },
            files: ['getting-started.ts'],
        }));
        writeFileSync(path.join(project, 'getting-started.ts'), gettingStartedProgram(baseUrl));
        const compiled = spawnSync(process.execPath, [TYPESCRIPT, '-p', '.'], { cwd: project, encoding: 'utf8' });
        assert.equal(compiled.status, 0, `tsc in an ES module project:\n${compiled.stdout}${compiled.stderr}`);
        assertGettingStartedOutput(run(project, 'getting-started.js'));

        writeFileSync(path.join(project, 'required.cjs'), `
            const client = require('@emailaccounts/client');
            const emailAccounts = new client.EmailAccountsApi(client.createConfiguration({
                baseUrl: ${JSON.stringify(baseUrl)},
                auth: { basic: { username: process.env.EMAILACCOUNTS_USERNAME, password: process.env.EMAILACCOUNTS_PASSWORD } },
            }));
            import('@emailaccounts/client').then(async imported => {
                const page = await emailAccounts.searchEmailAccounts({ emailAccountBusiness: 1001, page: 1, size: 1 });
                console.log(JSON.stringify({
                    required: Object.keys(client).sort(),
                    imported: Object.keys(imported).filter(name => name !== 'default' && name !== '__esModule').sort(),
                    oneClassEitherWay: imported.ResponseError === client.ResponseError,
                    totalItems: page.totalItems,
                }));
            });
        `);
        const [line] = run(project, 'required.cjs');
        const seen = JSON.parse(line);
        assert.ok(seen.required.includes('EmailAccountsApi') && seen.required.length > 20, line);
        assert.deepEqual(seen.imported, seen.required, 'an import finds every export a require does');
        assert.equal(seen.oneClassEitherWay, true, 'one copy of each class, imported or required');
        assert.ok(Number.isInteger(seen.totalItems) && seen.totalItems >= 1, line);
    } finally {
        rmSync(project, { recursive: true, force: true });
    }
});
