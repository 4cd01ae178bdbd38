// A reporter for Node's test runner that prints nothing when every test passes, and each failure (its test, its file,
// its error) when one fails: the client module's build stays quiet.
import { inspect } from 'node:util';

type TestEvent = { type: string; data: { name?: string; file?: string; details?: { error?: unknown } } };

async function* quiet(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
    for await (const event of source) {
        if (event.type === 'test:fail') {
            yield `not ok: ${event.data.name} (${event.data.file ?? ''})\n${inspect(event.data.details?.error, { depth: 4 })}\n`;
        }
    }
}

export = quiet;
