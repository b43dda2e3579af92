/** JSON pointers (RFC 6901) and where they land in the source text. */
import type { Node } from 'jsonc-parser';

export type Segment = string | number;

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function toPointer(path: readonly Segment[]): string {
  return path.map((s) => `/${escape(String(s))}`).join('');
}

export function parsePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
}

export function childPointer(pointer: string, ...segments: Segment[]): string {
  return pointer + toPointer(segments);
}

/** 1-based line and column of an offset; built once per file, then a binary search per lookup. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/**
 * The node a pointer names, or its deepest ancestor that exists: a missing property is reported
 * at the object that lacks it. Duplicate keys resolve to the last one, as JSON.parse keeps it.
 */
export function nodeAtPointer(root: Node, pointer: string): { node: Node; exact: boolean } {
  let node = root;
  for (const segment of parsePointer(pointer)) {
    const child = childNode(node, segment);
    if (!child) return { node, exact: false };
    node = child;
  }
  return { node, exact: true };
}

function childNode(node: Node, segment: string): Node | undefined {
  const children = node.children ?? [];
  if (node.type === 'array') {
    return /^(0|[1-9]\d*)$/.test(segment) ? children[Number(segment)] : undefined;
  }
  if (node.type !== 'object') return undefined;
  for (let i = children.length - 1; i >= 0; i--) {
    const [key, value] = children[i].children ?? [];
    if (key?.value === segment) return value ?? key;
  }
  return undefined;
}

/** Offset of the property's key when the node is a property value; the node itself otherwise. */
export function keyOffset(node: Node): number {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) {
    return parent.children[0].offset;
  }
  return node.offset;
}

/** The pointer of the innermost node covering an offset (for tools that report offsets). */
export function pointerAtOffset(root: Node, offset: number): string {
  const path: Segment[] = [];
  let node: Node | undefined = root;
  while (node) {
    const next: Node | undefined = (node.children ?? []).find(
      (c) => offset >= c.offset && offset < c.offset + c.length,
    );
    if (!next) break;
    if (node.type === 'array') path.push(node.children!.indexOf(next));
    if (next.type === 'property') {
      path.push(String(next.children?.[0]?.value ?? ''));
      const value: Node | undefined = next.children?.[1];
      // On the key itself: the property is meant, so stop here.
      if (!value || offset < value.offset) break;
      node = value;
      continue;
    }
    node = next;
  }
  return toPointer(path);
}
