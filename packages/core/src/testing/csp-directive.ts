/** The value of directive `name` in a Content-Security-Policy header, or `''` when absent. */
export function cspDirective(policy: string, name: string): string {
  const found = policy.split(';').find((part) => part.trim().startsWith(`${name} `));
  return found?.trim().slice(name.length + 1) ?? '';
}
