// Type-checks snippets that import '@emailaccounts/client' (the README's and the guides', the reference's) against this package, in
// strict mode, as a project that installed the package would.
import path from 'node:path';
import ts from 'typescript';

const PACKAGE_TYPES = path.resolve(__dirname, '../src/index.d.ts');

/** The compiler's complaints about these sources (file name to source), each prefixed with its file; none when fine. */
export function typeProblems(sources: Map<string, string>): string[] {
    const files = new Map([...sources].map(([name, source]) => [path.resolve(__dirname, name), source]));
    const host = ts.createCompilerHost({});
    const read = host.readFile;
    host.readFile = name => files.get(path.resolve(name)) ?? read(name);
    const exists = host.fileExists;
    host.fileExists = name => files.has(path.resolve(name)) || exists(name);
    const program = ts.createProgram([...files.keys()], {
        strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true,
        types: ['node'], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], baseUrl: '.',
        paths: { '@emailaccounts/client': [PACKAGE_TYPES] },
    }, host);
    return ts.getPreEmitDiagnostics(program).map(diagnostic =>
        `${diagnostic.file ? path.basename(diagnostic.file.fileName) : ''}: `
        + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}
