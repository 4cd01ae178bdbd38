// The types of the package as an ES module (esm/index.mjs): those of the CommonJS build it re-exports.
export * from '../dist/src/index.js';
