/**
 * The 100 language codes `@cf/meta/m2m100-1.2b` accepts as `source_lang` / `target_lang`
 * (Cloudflare's model page; `workers-ai-facts.md`). Mostly ISO 639-1, a few ISO 639-2/3
 * (`ast`, `ceb`, `ilo`) and `ns` for Northern Sotho.
 */
export const M2M100_LANGUAGES: readonly string[] = (
  'af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ' +
  'ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or ' +
  'pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu'
).split(' ');
