/** `%text%` for ILIKE, with the pattern characters the user typed (\ % _) taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
