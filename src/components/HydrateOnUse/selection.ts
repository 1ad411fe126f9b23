/**
 * Carries the reader's text selection across the swap of server markup for
 * the live component: the nodes change, the text does not, so the selection
 * is kept as offsets into the text.
 */
export interface SavedSelection {
  anchor: number;
  focus: number;
  /** The text the offsets count in, to check that the new markup has it. */
  text: string;
}

/** The offset into `root`'s text of a point of the selection. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The text node and offset at an offset into `root`'s text. An offset where
 * one node ends and the next begins is the next node's start for the start of
 * a selection, and the node's end for its end: else the selection would take
 * in the line break between two lines of code.
 */
function pointAt(
  root: Node,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    const end = before + length;
    if (side === 'start' ? offset < end : offset <= end) {
      return { node: node as Text, offset: offset - before };
    }
    before += length;
  }
  return null;
}

/** The selection, if there is one and it lies wholly inside `root`. */
export function saveSelection(root: HTMLElement): SavedSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return null;
  const { anchorNode, focusNode } = selection;
  if (!anchorNode || !focusNode) return null;
  if (!root.contains(anchorNode) || !root.contains(focusNode)) return null;
  return {
    anchor: offsetIn(root, anchorNode, selection.anchorOffset),
    focus: offsetIn(root, focusNode, selection.focusOffset),
    text: root.textContent ?? '',
  };
}

/** Selects the same text again, if `root` holds the same text. */
export function restoreSelection(
  root: HTMLElement,
  saved: SavedSelection,
): void {
  if ((root.textContent ?? '') !== saved.text) return;
  const forward = saved.anchor <= saved.focus;
  const anchor = pointAt(root, saved.anchor, forward ? 'start' : 'end');
  const focus = pointAt(root, saved.focus, forward ? 'end' : 'start');
  if (!anchor || !focus) return;
  document
    .getSelection()
    ?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}
