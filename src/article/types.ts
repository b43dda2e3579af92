/** The article as data (story/article.json). Its wording is never changed, only cut into passages. */
export type PassageKind = 'paragraph' | 'heading' | 'quote' | 'credit';

export interface Passage {
  /** Stable id: p01…, h01…, or a word for the credits. Features link to it. */
  id: string;
  kind: PassageKind;
  text: string;
  /** False for a passage with nothing locatable in it, so it is not left unlinked by mistake. */
  geographic?: false;
}

export interface Article {
  title: string;
  titleNote: string;
  author: { name: string; affiliation: string };
  publisher: { name: string; url: string };
  licence: { name: string; url: string; note: string };
  written: string;
  writtenNote: string;
  passages: Passage[];
}
