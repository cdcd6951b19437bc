/**
 * How an OpenAI client points at a gateway, for the JSON answer of `GET /`: the `openai` SDK's
 * options and a OneAPI channel, with the gateway's own URL and models filled in (never a key).
 */
export function describeOpenAiClients(origin: string, models: readonly string[]) {
  return {
    openai_sdk: { baseURL: `${origin}/v1`, apiKey: '<one of GATEWAY_KEYS>' },
    oneapi_channel: {
      type: 'OpenAI',
      base_url: origin,
      key: '<one of GATEWAY_KEYS>',
      models: models.join(','),
    },
  };
}
