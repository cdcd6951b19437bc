/**
 * A piece of a text to translate: `keep` pieces (tags, whitespace, entities, code) are copied
 * to the output byte for byte; `translate` pieces go to the model. `markup` marks text that
 * came from an HTML/XML text node, whose translation must be escaped again (`&`, `<`, `>`).
 */
export type TextPart = { kind: 'keep'; text: string } | { kind: 'translate'; text: string; markup: boolean };
