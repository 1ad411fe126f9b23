/**
 * Drops what a rendered mermaid SVG carries but never draws: CSS rules that
 * match no element of it, keyframes no kept rule animates with, and marker,
 * symbol and gradient definitions nothing references. Mermaid ships all of
 * them in every diagram; in ours they were half the markup.
 *
 * Runs in the browser, on an SVG attached to the document (its `<style>` must
 * have a parsed sheet), through Playwright's `locator.evaluate`: it must not
 * use anything from outside its own body, nor name an inner function (tsx
 * would wrap it in a `__name` helper the page does not have).
 * scripts/render-diagrams.ts checks that the pruned SVG draws the same pixels
 * as the original.
 */
export function pruneSvg(svg: Element): { before: number; after: number } {
  const before = svg.outerHTML.length;

  const style = svg.querySelector('style');
  const sheet = style?.sheet;
  if (style && sheet) {
    const kept: string[] = [];
    const keyframes: CSSKeyframesRule[] = [];
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSKeyframesRule) {
        keyframes.push(rule);
        continue;
      }
      if (!(rule instanceof CSSStyleRule)) {
        kept.push(rule.cssText);
        continue;
      }
      const used = rule.selectorText.split(',').some((selector) => {
        // A rule for a state (`:hover`) or a pseudo-element (`::before`)
        // counts as used when its element exists.
        const bare = selector.replace(/::?[a-zA-Z-]+(\([^)]*\))?/g, '').trim();
        if (bare === '') return true;
        try {
          return svg.matches(bare) || svg.querySelector(bare) !== null;
        } catch {
          return true; // a selector this browser cannot test: keep it
        }
      });
      if (used) kept.push(rule.cssText);
    }
    const text = kept.join('');
    for (const rule of keyframes) {
      if (new RegExp(`\\b${rule.name}\\b`).test(text)) kept.push(rule.cssText);
    }
    style.textContent = kept.join('');
  }

  // Definitions reference each other (a marker may use a symbol), so drop
  // unreferenced ones until none is left.
  for (;;) {
    const markup = svg.outerHTML;
    const referenced = new Set(
      Array.from(
        markup.matchAll(/url\(#([^)"']+)\)|href="#([^"]+)"/g),
        (match) => match[1] ?? match[2],
      ),
    );
    const unused = Array.from(svg.querySelectorAll('defs [id]')).filter(
      (node) =>
        !referenced.has(node.id) && node.parentElement?.closest('[id]') === svg,
    );
    if (unused.length === 0) break;
    for (const node of unused) node.remove();
  }
  for (const defs of Array.from(svg.querySelectorAll('defs'))) {
    if (defs.children.length === 0) defs.remove();
  }
  return { before, after: svg.outerHTML.length };
}
