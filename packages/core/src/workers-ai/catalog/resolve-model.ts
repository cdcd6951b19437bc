import { GatewayError } from '../../errors/gateway-error';
import { ANTHROPIC_MODEL_ALIASES, claudeFamilyOf } from './anthropic-model-aliases';
import type { CatalogModel, Task } from './catalog-model';
import { findModel } from './find-model';
import { OPENAI_MODEL_ALIASES } from './openai-model-aliases';

/** Where a requested model name ended up. */
export interface ResolvedModel {
  /** The Workers AI model ID to call. */
  model: string;
  /** Its catalog entry; undefined for an uncatalogued `@cf/...` / `@hf/...` ID passed through. */
  entry: CatalogModel | undefined;
  /** The removed model that was remapped; the gateway answers `x-model-replaced: <old> -> <new>`. */
  replacedFrom?: string;
  /** The alias name the client sent, when an alias was followed. */
  aliasOf?: string;
}

/** Options of `resolveModel`. */
export interface ResolveModelOptions {
  /** Parsed `MODEL_ALIASES`, merged over the built-in OpenAI aliases. */
  aliases?: Record<string, string>;
  /** The task the route serves; a catalogued model of another task is a 400. */
  task?: Task;
}

// More hops than any sane alias table has; reaching it means the table loops.
const MAXIMUM_HOPS = 16;

function isWorkersAiId(name: string): boolean {
  return name.startsWith('@cf/') || name.startsWith('@hf/');
}

function lookUpAlias(aliases: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(aliases, name)) return aliases[name];
  // OpenAI names are case-insensitive in practice (`GPT-4o` works there).
  const lowerCase = name.toLowerCase();
  if (Object.hasOwn(aliases, lowerCase)) return aliases[lowerCase];
  // Any Claude name (dated, versioned) follows its family's alias.
  const family = claudeFamilyOf(name);
  return family !== undefined && Object.hasOwn(aliases, family) ? aliases[family] : undefined;
}

function aliasLoop(requested: string): GatewayError {
  return new GatewayError(
    503,
    'configuration_error',
    `MODEL_ALIASES sends the model '${requested}' round in a loop; fix the setting.`,
  );
}

/**
 * Turns the model name a client sent into the Workers AI model to call.
 *
 * Aliases (`MODEL_ALIASES` over the built-in OpenAI names) are followed first, through chains;
 * a removed model is then remapped to its replacement (`replacedFrom` set), so setups written for
 * models Cloudflare has retired keep working. Any other `@cf/...` or `@hf/...` ID passes through
 * even when uncatalogued, since Workers AI adds models faster than this catalog. Throws a 404
 * `model_not_found` for an unknown plain name, a 400 when `task` is given and the model does
 * another task, and a 503 `configuration_error` when the aliases loop.
 */
export function resolveModel(requested: string, options: ResolveModelOptions = {}): ResolvedModel {
  const aliases: Record<string, string> = {
    ...OPENAI_MODEL_ALIASES,
    ...ANTHROPIC_MODEL_ALIASES,
    ...options.aliases,
  };
  let model = requested;
  let aliasOf: string | undefined;
  let replacedFrom: string | undefined;
  let entry: CatalogModel | undefined;

  for (let hop = 0; ; hop += 1) {
    if (hop >= MAXIMUM_HOPS) throw aliasLoop(requested);
    const target = lookUpAlias(aliases, model);
    // An alias to itself (`{"@cf/x/y": "@cf/x/y"}`) just means "use it as is".
    if (target !== undefined && target !== model) {
      aliasOf ??= requested;
      model = target;
      continue;
    }
    entry = findModel(model);
    if (entry?.status === 'removed' && entry.replacement !== undefined) {
      replacedFrom ??= model;
      model = entry.replacement;
      continue;
    }
    break;
  }

  if (entry === undefined && !isWorkersAiId(model)) {
    throw new GatewayError(
      404,
      'model_not_found',
      `The model '${requested}' does not exist or you do not have access to it. Use a Workers AI ID ` +
        `such as '@cf/meta/llama-3.1-8b-instruct-fast', an OpenAI name such as 'gpt-4o-mini', or an alias ` +
        'from MODEL_ALIASES; GET /v1/models lists them.',
      { param: 'model' },
    );
  }
  if (options.task !== undefined && entry !== undefined && entry.task !== options.task) {
    throw new GatewayError(
      400,
      'invalid_request_error',
      `The model '${requested}' is a ${entry.task} model; this endpoint needs a ${options.task} model.`,
      { param: 'model' },
    );
  }

  return {
    model,
    entry,
    ...(replacedFrom === undefined ? {} : { replacedFrom }),
    ...(aliasOf === undefined ? {} : { aliasOf }),
  };
}
