import type { ReactNode, SyntheticEvent } from 'react';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { useHydratingServerHtml } from '@site/src/utils/server-html';
import styles from './styles.module.css';

// Empty on purpose, and one object: React keeps the server's children of a
// `dangerouslySetInnerHTML` element untouched, and never rewrites them while
// the string stays the same.
const KEEP_SERVER_HTML = { __html: '' };

/** The link an event hit, when it leads to another page of this site. */
function sitePath(event: SyntheticEvent, base: string): string | null {
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin) return null;
  if (!url.pathname.startsWith(base)) return null;
  // A file (an image, a JSON download) is not a route of the app.
  if (/\.[a-z0-9]+$/i.test(url.pathname)) return null;
  // Same page: the browser scrolls to the fragment itself.
  if (
    url.pathname === window.location.pathname &&
    url.search === window.location.search
  ) {
    return null;
  }
  return url.pathname + url.search + url.hash;
}

/**
 * A run of doc prose (paragraphs, headings, lists, tables, admonitions, the
 * sources list) that the browser shows from the server's HTML without React
 * hydrating it: a long page's links, inline code and headings are hundreds of
 * components that do nothing a plain `<a>` or `<code>` does not. The
 * `staticProse` rehype plugin (src/mdx/) wraps each run, and leaves code
 * blocks and interactive components outside it.
 *
 * Links to other pages keep the app's client-side navigation and preloading
 * through one set of listeners here instead of one per link. With no server
 * HTML to keep (after a client-side navigation, or on the development server)
 * the prose renders as usual.
 */
export default function StaticProse({
  children,
}: {
  children: ReactNode;
}): ReactNode {
  const history = useHistory();
  const base = useBaseUrl('/');
  // While React hydrates the server's HTML, keep it, for as long as this
  // element lives.
  const keep = useHydratingServerHtml();

  if (!keep) {
    return (
      <div className={styles.run} data-static-prose="">
        {children}
      </div>
    );
  }

  const preload = (event: SyntheticEvent) => {
    const path = sitePath(event, base);
    if (path !== null) void window.docusaurus.preload(path);
  };

  return (
    <div
      className={styles.run}
      data-static-prose=""
      dangerouslySetInnerHTML={KEEP_SERVER_HTML}
      suppressHydrationWarning
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return;
        }
        const path = sitePath(event, base);
        if (path === null) return;
        event.preventDefault();
        history.push(path);
      }}
      // Where Docusaurus's Link preloads the next page: pointer or focus.
      onMouseOver={preload}
      onTouchStart={preload}
      onFocus={preload}
    />
  );
}
