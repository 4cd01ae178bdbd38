// The package as an ES module: the CommonJS build's exports, re-exported, so that an application that both imports
// and requires the package gets one copy of each class (an ApiError is an ApiError either way).
export * from '../dist/src/index.js';
