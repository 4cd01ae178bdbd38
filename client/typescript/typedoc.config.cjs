// The package's reference, made by TypeDoc from its declarations and their comments: HTML in reference/, published in
// the site beside the API reference, and reference.json, which the build's tests read.
const { OptionDefaults } = require('typedoc');

module.exports = {
    entryPoints: ['src/index.ts'],
    out: 'reference',
    json: 'reference.json',
    name: '@emailaccounts/client',
    readme: 'none',
    includeVersion: true,
    excludePrivate: true,
    excludeProtected: true,
    excludeInternal: true,
    // No links to sources: the package has no public repository yet.
    disableSources: true,
    hideGenerator: true,
    // The generator marks what each module exports with @export, which TypeDoc sees for itself.
    blockTags: [...OptionDefaults.blockTags, '@export'],
    validation: { notExported: true, invalidLink: true, notDocumented: false },
    treatWarningsAsErrors: true,
    plugin: ['./typedoc-comments.mjs'],
};
