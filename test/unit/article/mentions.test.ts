import { describe, expect, it } from 'vitest';
import { linkMentions } from '../../../src/article/mentions.ts';

const join = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('linkMentions', () => {
  const text =
    'Russia can use the Eurasian Economic Union and Russia’s allies; Afghanistan’s crisis worries Moscow.';
  const segs = linkMentions(text, [
    { id: 'russia', names: ['Russia'] },
    { id: 'eaeu', names: ['Eurasian Economic Union', 'Eurasian'] },
    { id: 'afg', names: ['Afghanistan'] },
    { id: 'moscow', names: ['Moscow', 'Kremlin'] },
  ]);

  it('never changes the text', () => {
    expect(join(segs)).toBe(text);
  });
  it('links the first mention of each feature, whole names first', () => {
    expect(segs.filter((s) => s.featureId).map((s) => [s.text, s.featureId])).toEqual([
      ['Russia', 'russia'],
      ['Eurasian Economic Union', 'eaeu'],
      ['Afghanistan', 'afg'],
      ['Moscow', 'moscow'],
    ]);
  });
  it('matches whole words only', () => {
    expect(
      linkMentions('Iranian and Irani', [{ id: 'iran', names: ['Iran'] }]).some((s) => s.featureId),
    ).toBe(false);
  });
  it('handles text with no names', () => {
    expect(linkMentions('Nothing here.', [])).toEqual([{ text: 'Nothing here.' }]);
  });
});
