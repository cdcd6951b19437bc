/** What a user copies from a dashboard: the decoded text of every client-settings block. */
export function dashboardSettingsText(html: string): string {
  return [...html.matchAll(/<pre id="setting-\d+">([\s\S]*?)<\/pre>/g)]
    .map((match) => match[1] ?? '')
    .join('\n')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}
