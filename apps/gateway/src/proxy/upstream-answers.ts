/** How the gateway names an upstream's failed answer when it composes (the export, FHIR's metadata and `$everything`): statuses and codes only. */

/** ` (AUTH.FORBIDDEN)`: the API code of an error answer, never its message. */
export async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' && /^[A-Z_.]{1,64}$/.test(body.error.code) ? ` (${body.error.code})` : '';
  } catch {
    return '';
  }
}

export function describeFetchError(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'gave no answer in time';
  if (error instanceof SyntaxError) return 'answered no JSON';
  const cause = (error as { cause?: { code?: string } }).cause;
  return `is unreachable (${cause?.code ?? (error as Error).name})`;
}
