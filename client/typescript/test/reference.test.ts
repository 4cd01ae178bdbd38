// The package's reference (TypeDoc's, published in the site) says what each export and method the README and the
// guides use does: everything their TypeScript imports or names, and every method they call or name on it, has a
// summary. It reads reference.json, which the build writes with the HTML (typedoc.config.cjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pages, samples } from './server/documented';

type Comment = { summary?: Array<{ text: string }> };
type Reflection = {
    name: string; comment?: Comment; signatures?: Array<{ comment?: Comment }>; children?: Reflection[];
};

const REFERENCE: Reflection = JSON.parse(readFileSync(path.resolve(__dirname, '../../reference.json'), 'utf8'));

/** The first sentence a reader sees: the reflection's own summary, or its first signature's. */
function summary(reflection: Reflection): string {
    const comment = reflection.comment ?? reflection.signatures?.find(signature => signature.comment)?.comment;
    return (comment?.summary ?? []).map(part => part.text).join('').trim();
}

test('every export and method the README and the guides use has a summary in the reference', () => {
    const exported = new Map((REFERENCE.children ?? []).map(reflection => [reflection.name, reflection]));
    const used = new Set<string>();
    const called = new Set<string>();
    for (const { source } of samples()) {
        for (const [, names] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@emailaccounts\/client'/g)) {
            names.split(',').map(name => name.trim()).filter(name => name !== '').forEach(name => used.add(name));
        }
        for (const [, name] of source.matchAll(/\.([a-z]\w*)\(/g)) {
            called.add(name);
        }
    }
    for (const { text } of pages()) {
        for (const [, span] of text.matchAll(/`([^`\n]+)`/g)) {
            for (const [, name] of span.matchAll(/\b([A-Za-z_]\w*)\b/g)) {
                if (exported.has(name)) {
                    used.add(name);
                }
            }
            for (const [, name] of span.matchAll(/\b([a-z]\w*)\(/g)) {
                called.add(name);
            }
        }
    }

    for (const name of ['createConfiguration', 'EmailAccountsApi', 'ResponseError', 'propertyErrors', 'rateLimitStatus']) {
        assert.ok(used.has(name), `the guides use ${name}`);
    }
    const undescribed: string[] = [];
    for (const name of used) {
        const reflection = exported.get(name);
        assert.ok(reflection, `${name}, which the guides use, is exported by the package`);
        if (summary(reflection) === '') {
            undescribed.push(name);
        }
        for (const member of reflection.children ?? []) {
            // An error's name, message, stack and cause are the platform's own.
            const platforms = ['name', 'message', 'stack', 'cause'].includes(member.name);
            if (called.has(member.name) && !platforms && summary(member) === '') {
                undescribed.push(`${name}.${member.name}`);
            }
        }
    }
    assert.deepEqual(undescribed, [], 'exports and methods the guides use, without a summary that says what they do');
});
