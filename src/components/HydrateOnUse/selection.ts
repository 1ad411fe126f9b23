/**
 * Carries the reader's text selection across the swap of server markup for
 * the live component: the nodes change, the text does not, so an end of the
 * selection inside the markup is kept as an offset into its text. Each `<br>`
 * counts as one character, the line break it draws (code lines end with one),
 * so that a selection that ends at the start of a line keeps the line break
 * before it. An end outside the markup stays where it is.
 */
type End = { offset: number } | { node: Node; offset: number };

export interface SavedSelection {
  anchor: End;
  focus: End;
  /** The text the offsets count in, to check that the new markup has it. */
  text: string;
}

/** Text nodes and `<br>`s, in document order. */
function pieces(root: Node): (Text | HTMLBRElement)[] {
  const walker = document.createTreeWalker(
    root,
    NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
    {
      acceptNode: (node) =>
        node.nodeType === Node.TEXT_NODE || node.nodeName === 'BR'
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_SKIP,
    },
  );
  const found: (Text | HTMLBRElement)[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    found.push(node as Text | HTMLBRElement);
  }
  return found;
}

const lengthOf = (piece: Text | HTMLBRElement) =>
  piece.nodeType === Node.TEXT_NODE ? (piece as Text).length : 1;

/** The text `root` holds, a `<br>` as a line break. */
function textOf(root: Node): string {
  return pieces(root)
    .map((piece) =>
      piece.nodeType === Node.TEXT_NODE ? (piece as Text).data : '\n',
    )
    .join('');
}

/** The offset into `root`'s text of a point inside it. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  let count = 0;
  for (const piece of pieces(root)) {
    if (piece.nodeType === Node.TEXT_NODE) {
      if (piece === node) return count + offset;
      if (!before.intersectsNode(piece)) break;
      count += (piece as Text).length;
    } else {
      // A <br> is before the point when the point right after it is too.
      const parent = piece.parentNode as Node;
      const after = [...parent.childNodes].indexOf(piece as ChildNode) + 1;
      if (!before.isPointInRange(parent, after)) break;
      count += 1;
    }
  }
  return count;
}

/**
 * The point at an offset into `root`'s text. An offset where a text node ends
 * and the next piece begins is that text's end for the end of a selection,
 * and the next piece's start for its start. An offset right after a `<br>` is
 * the start of what follows it, the next line: a selection that ends there
 * takes in the line break (one that ends just after the `<br>`, inside its
 * line, does not).
 */
function pointAt(
  root: Node,
  offset: number,
  side: 'start' | 'end',
): { node: Node; offset: number } | null {
  let before = 0;
  let last: { node: Node; offset: number } | null = null;
  for (const piece of pieces(root)) {
    const length = lengthOf(piece);
    const end = before + length;
    const text = piece.nodeType === Node.TEXT_NODE;
    if (text && side === 'end' ? offset <= end : offset < end) {
      if (text) return { node: piece, offset: offset - before };
      const parent = piece.parentNode as Node;
      return {
        node: parent,
        offset: [...parent.childNodes].indexOf(piece as ChildNode),
      };
    }
    before = end;
    if (text) last = { node: piece, offset: length };
    else {
      const parent = piece.parentNode as Node;
      const index = [...parent.childNodes].indexOf(piece as ChildNode);
      last = { node: parent, offset: index + 1 };
    }
  }
  return offset === before ? last : null;
}

function save(root: HTMLElement, node: Node, offset: number): End {
  return root.contains(node)
    ? { offset: offsetIn(root, node, offset) }
    : { node, offset };
}

/** The selection, if there is one and part of it lies inside `root`. */
export function saveSelection(root: HTMLElement): SavedSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  return {
    anchor: save(root, anchorNode, selection.anchorOffset),
    focus: save(root, focusNode, selection.focusOffset),
    text: textOf(root),
  };
}

/** Selects the same text again, if `root` holds the same text. */
export function restoreSelection(
  root: HTMLElement,
  saved: SavedSelection,
): void {
  if (textOf(root) !== saved.text) return;
  // Whether the anchor comes first: it decides which side of a boundary
  // each end inside takes.
  const { anchor: a, focus: f } = saved;
  let forward = true;
  if (!('node' in a) && !('node' in f)) forward = a.offset <= f.offset;
  else if ('node' in a && !('node' in f)) forward = isBefore(root, a);
  else if (!('node' in a) && 'node' in f) forward = !isBefore(root, f);
  const place = (end: End, side: 'start' | 'end') =>
    'node' in end ? end : pointAt(root, end.offset, side);
  const anchor = place(saved.anchor, forward ? 'start' : 'end');
  const focus = place(saved.focus, forward ? 'end' : 'start');
  if (!anchor || !focus) return;
  document
    .getSelection()
    ?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}

/** Whether a point outside `root` comes before it. */
function isBefore(root: Node, end: { node: Node; offset: number }): boolean {
  const range = document.createRange();
  range.selectNode(root);
  return range.comparePoint(end.node, end.offset) < 0;
}
