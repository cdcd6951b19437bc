/**
 * Whether `GET /` should answer with the HTML dashboard: browsers put `text/html` in `Accept`;
 * curl (`*\/*`), SDKs and DeepLX clients do not, and keep getting the JSON description.
 */
export function prefersHtml(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.toLowerCase().includes('text/html');
}
