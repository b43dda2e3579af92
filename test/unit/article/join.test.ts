import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import article from '../../../story/article.json';
import { articleBody, joinPassages, normaliseWhitespace } from '../../../src/article/join.ts';

// story/source.txt is the article exactly as received, kept beside the data cut from it.
const source = readFileSync(new URL('../../../story/source.txt', import.meta.url), 'utf8');

describe('the article data', () => {
  it('gives back the source word for word (whitespace aside) when its passages are joined', () => {
    expect(normaliseWhitespace(joinPassages(article))).toBe(
      normaliseWhitespace(articleBody(source)),
    );
  });

  it('drops only the two web-page leftovers', () => {
    const body = articleBody(source);
    expect(body).not.toContain('Comments are closed.');
    expect(body).not.toContain('Exit mobile version');
    expect(source.length - body.length).toBeLessThan(60);
  });

  it('cuts at paragraph breaks only: every passage is a whole paragraph of the source', () => {
    const paragraphs = articleBody(source)
      .split(/\n\s*\n/)
      .map((p) => p.trim());
    for (const p of article.passages) expect(paragraphs).toContain(p.text);
  });

  it('has unique ids, the two section headings, the quoted speech as one passage, and credits', () => {
    const ids = article.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(article.passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'Interests and Goals',
      'Russia’s Relationship-Building',
    ]);
    const quotes = article.passages.filter((p) => p.kind === 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toMatch(/^Real democracy in a multipolar world/);
    expect(article.author.name).toBe('Intigam Mamedov');
    expect(article.publisher.name).toBe('The Conversation');
    expect(article.licence.name).toBe('CC BY-ND 4.0');
  });

  it('is caught when a word changes', () => {
    const tampered = structuredClone(article);
    tampered.passages[0].text = tampered.passages[0].text.replace('Taliban', 'taliban');
    expect(normaliseWhitespace(joinPassages(tampered))).not.toBe(
      normaliseWhitespace(articleBody(source)),
    );
  });
});
