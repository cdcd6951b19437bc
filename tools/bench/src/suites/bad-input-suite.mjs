// Bad input of every kind (SPEC §9), generated with fast-check: random JSON, wrong types, huge
// strings, invalid UTF-8, bad multipart, bad language codes, path tricks on /images/, and HTTP-level
// oddities. Every answer: no 5xx, no hang, an error in the route's envelope, no leaked secret.
// One file per family in bad-input/; the JSON routes they share are routes.mjs.

import { httpLayerSuite } from './bad-input/http-layer.mjs';
import { imagePathsSuite } from './bad-input/image-paths.mjs';
import { jsonFieldsSuite } from './bad-input/json-fields.mjs';
import { jsonFramingSuite } from './bad-input/json-framing.mjs';
import { languageCodesSuite } from './bad-input/language-codes.mjs';
import { multipartSuite } from './bad-input/multipart.mjs';

/** Registers every bad-input family; `context.environment` is started by the caller. */
export function badInputSuite(context) {
  jsonFieldsSuite(context);
  jsonFramingSuite(context);
  multipartSuite(context);
  languageCodesSuite(context);
  imagePathsSuite(context);
  httpLayerSuite(context);
}
