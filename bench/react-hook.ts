/**
 * A stand-in for React DevTools' global hook, injected before the page's
 * scripts: on every commit it records which components rendered and, in a
 * React profiling build, their self render time. Production React calls the
 * hook too, but only profiling builds carry durations (0 otherwise).
 */
export interface CommitLog {
  durationMs: number;
  rendered: { name: string; selfMs: number }[];
}

export const REACT_HOOK_SCRIPT = `(() => {
  window.__commits = [];
  const renderers = new Map();
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const nameOf = (f) => {
    let t = f.type;
    if (f.tag === 14 && t) t = t.type;
    if (t && t.render && !t.name) t = t.render;
    return (t && (t.displayName || t.name)) || 'anonymous';
  };
  const walk = (fiber, out) => {
    const alt = fiber.alternate;
    const fresh = !(alt && fiber.child === alt.child);
    if (COMPONENT_TAGS.has(fiber.tag) && (!alt || (fiber.flags & 1))) {
      let childMs = 0;
      if (fresh) for (let c = fiber.child; c; c = c.sibling) childMs += c.actualDuration || 0;
      out.push({ name: nameOf(fiber), selfMs: Math.max(0, (fiber.actualDuration || 0) - childMs) });
    }
    if (!fresh) return;
    for (let c = fiber.child; c; c = c.sibling) walk(c, out);
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers,
    supportsFiber: true,
    isDisabled: false,
    inject(r) { const id = renderers.size + 1; renderers.set(id, r); return id; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      const rendered = [];
      try { walk(root.current, rendered); } catch (e) { rendered.push({ name: 'walk-error ' + e, selfMs: 0 }); }
      window.__commits.push({ durationMs: root.current.actualDuration || 0, rendered });
    },
  };
})();`;
