// Sentences TypeDoc cannot read from the generated part of the package, which writes none for them: what each API
// class sends (named by the contract's tag it is made from, with its methods' operation ids), and what a ResponseError
// and a FetchError are. Loaded by typedoc.config.cjs.
import { Comment, Converter, ReflectionKind } from 'typedoc';

const RESPONSE_ERROR = 'A call answered with a status that is not a success, or with a 2xx whose envelope says '
    + '`WasSuccessful: false` (then with the status the envelope names, else 400). Its `response` is the answer; '
    + '`errorEnvelope`, `propertyErrors` and `tokenError` read its body.';

const FETCH_ERROR = 'A call that got no answer: a refused connection, a timeout or an abort, once the retries the '
    + 'configuration allows are spent. Its `cause` is the error fetch raised.';

function undescribed(reflection) {
    return !reflection.comment || reflection.comment.summary.every(part => part.text.trim() === '');
}

export function load(app) {
    app.converter.on(Converter.EVENT_RESOLVE_BEGIN, context => {
        for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Class)) {
            if (!undescribed(reflection)) {
                continue;
            }
            if (reflection.name === 'ResponseError') {
                reflection.comment = new Comment([{ kind: 'text', text: RESPONSE_ERROR }]);
            } else if (reflection.name === 'FetchError') {
                reflection.comment = new Comment([{ kind: 'text', text: FETCH_ERROR }]);
            } else if (/.Api$/.test(reflection.name) && reflection.extendedTypes?.some(type => type.name === 'BaseAPI')) {
                const operations = (reflection.children ?? [])
                    .filter(member => member.kindOf(ReflectionKind.Method) && !member.name.endsWith('Raw'))
                    .map(member => `\`${member.name}\``);
                reflection.comment = new Comment([{
                    kind: 'text',
                    text: `Sends the operations the contract tags ${reflection.name.replace(/Api$/, '')}, a method each, `
                        + `named by its operation id: ${operations.join(', ')}. Each has a \`...Raw\` twin that answers `
                        + 'the whole response. Make it with the configuration `createConfiguration` makes, which signs '
                        + 'the requests and sends them again when that is safe.',
                }]);
            }
        }
    });
}
