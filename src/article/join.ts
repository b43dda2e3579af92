/** Lines that came with the copied web page, not with the article (see shared/README). */
export const PAGE_LEFTOVERS = ['Comments are closed.', 'Exit mobile version'];

export const normaliseWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The article's text as the passages give it back. */
export function joinPassages(article: { passages: readonly { text: string }[] }): string {
  return article.passages.map((p) => p.text).join('\n\n');
}

/** The source text without the web-page leftovers at its end. */
export function articleBody(source: string): string {
  const lines = source.split('\n');
  while (lines.length && (PAGE_LEFTOVERS.includes(lines.at(-1)!.trim()) || !lines.at(-1)!.trim()))
    lines.pop();
  return lines.join('\n');
}
