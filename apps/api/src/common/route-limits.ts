// Customer ids are up to 128 characters; Fastify's default of 100 answered 414 to the longest before any route ran.
export const MAX_PARAM_LENGTH = 256;

/** Whether a path has a segment longer than a route parameter may be (the router refuses those with 414). */
export function hasOverlongSegment(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH);
}
