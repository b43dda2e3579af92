/**
 * story/article.json: well-formed passages with unique ids, and every passage either linked by a
 * feature or marked `"geographic": false`, so none is left off the map by oversight.
 */
import { describeValue, isRecord, type Issue } from './diagnostic.ts';
import { childPointer } from './pointer.ts';

export interface PassageInfo {
  id: string;
  text: string;
  /** False only when the passage says `"geographic": false`. */
  geographic: boolean;
  pointer: string;
}

export interface ArticleRead {
  passages: PassageInfo[];
  issues: Issue[];
}

const PASSAGE_KINDS = ['paragraph', 'heading', 'quote', 'credit'];
const PASSAGE_KEYS = ['id', 'kind', 'text', 'geographic'];
/** Feature properties refer to passages with this pattern (schema/feature.schema.json). */
const PASSAGE_ID = /^[a-z0-9-]+$/;

export function readArticle(value: unknown): ArticleRead {
  if (!isRecord(value)) {
    return {
      passages: [],
      issues: [
        articleIssue('', `an object with "title" and "passages", found ${describeValue(value)}`),
      ],
    };
  }
  const issues: Issue[] = [];
  if (typeof value.title !== 'string' || !value.title.trim()) {
    issues.push(
      articleIssue('/title', `a title (a non-empty string), found ${describeValue(value.title)}`),
    );
  }
  if (!Array.isArray(value.passages)) {
    issues.push(
      articleIssue('/passages', `an array of passages, found ${describeValue(value.passages)}`),
    );
    return { passages: [], issues };
  }
  const passages: PassageInfo[] = [];
  value.passages.forEach((raw: unknown, i) => {
    const read = readPassage(raw, childPointer('/passages', i));
    issues.push(...read.issues);
    if (read.passage) passages.push(read.passage);
  });
  issues.push(...duplicatePassages(passages));
  return { passages, issues };
}

function articleIssue(pointer: string, expected: string, atKey = false): Issue {
  return { code: 'article', pointer, message: `expected ${expected}`, atKey };
}

function readPassage(raw: unknown, pointer: string): { passage?: PassageInfo; issues: Issue[] } {
  if (!isRecord(raw)) {
    return { issues: [articleIssue(pointer, `a passage object, found ${describeValue(raw)}`)] };
  }
  const at = (key: string) => childPointer(pointer, key);
  const issues: Issue[] = [];
  const { id, kind, text, geographic } = raw;
  if (typeof id !== 'string' || !PASSAGE_ID.test(id)) {
    issues.push(
      articleIssue(
        at('id'),
        `an id of lowercase letters, digits and hyphens, found ${describeValue(id)}`,
      ),
    );
  }
  if (typeof kind !== 'string' || !PASSAGE_KINDS.includes(kind)) {
    const kinds = PASSAGE_KINDS.map((k) => `"${k}"`).join(', ');
    issues.push(articleIssue(at('kind'), `one of ${kinds}, found ${describeValue(kind)}`));
  }
  if (typeof text !== 'string' || !text.trim()) {
    issues.push(
      articleIssue(
        at('text'),
        `the passage text (a non-empty string), found ${describeValue(text)}`,
      ),
    );
  }
  if (geographic !== undefined && geographic !== false) {
    // true is the default: writing it is harmless but hides what the flag is for.
    issues.push(
      articleIssue(
        at('geographic'),
        `false or no "geographic" key, found ${describeValue(geographic)}`,
      ),
    );
  }
  for (const key of Object.keys(raw).filter((k) => !PASSAGE_KEYS.includes(k))) {
    issues.push(
      articleIssue(at(key), `only the keys ${PASSAGE_KEYS.join(', ')}, found "${key}"`, true),
    );
  }
  // A malformed id is reported above; counting it unlinked as well would only repeat that.
  if (typeof id !== 'string' || !PASSAGE_ID.test(id)) return { issues };
  const passage: PassageInfo = {
    id,
    text: typeof text === 'string' ? text : '',
    geographic: geographic !== false,
    pointer,
  };
  return { passage, issues };
}

function duplicatePassages(passages: readonly PassageInfo[]): Issue[] {
  const first = new Map<string, PassageInfo>();
  const issues: Issue[] = [];
  for (const p of passages) {
    const earlier = first.get(p.id);
    if (!earlier) first.set(p.id, p);
    else {
      issues.push({
        code: 'duplicate-passage',
        pointer: childPointer(p.pointer, 'id'),
        message: `expected passage ids used once, found "${p.id}" again (first at ${earlier.pointer})`,
      });
    }
  }
  return issues;
}

/**
 * Unlinked passages are errors; a passage marked not geographic that features do link is a
 * contradiction worth a warning. `complete` is false when a layer could not be read, since its
 * features may be the missing links.
 */
export function passageLinkIssues(
  passages: readonly PassageInfo[],
  linked: ReadonlyMap<string, readonly string[]>,
  complete: boolean,
): Issue[] {
  return passages.flatMap((p): Issue[] => {
    const features = linked.get(p.id) ?? [];
    if (p.geographic && !features.length && complete) {
      return [
        {
          code: 'unlinked-passage',
          pointer: childPointer(p.pointer, 'id'),
          message: `expected passage "${p.id}" to be linked by a feature (in its properties.passages) or marked "geographic": false, found no feature linking it`,
        },
      ];
    }
    if (!p.geographic && features.length) {
      return [
        {
          code: 'linked-non-geographic',
          severity: 'warning',
          pointer: childPointer(p.pointer, 'geographic'),
          message: `expected no feature to link a passage marked "geographic": false, found it linked by ${features.join(', ')}`,
        },
      ];
    }
    return [];
  });
}
