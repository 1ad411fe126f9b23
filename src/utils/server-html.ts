import { useState } from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';

/**
 * Whether the page came with HTML rendered on the server: the production
 * build's pages do, the development server's (`npm start`) do not. Read while
 * React renders, before it has put anything in the root element.
 */
function serverRenderedPage(): boolean {
  return document.getElementById('__docusaurus')?.firstElementChild != null;
}

/**
 * True when this component's first render is React hydrating HTML the server
 * rendered, and stays so for as long as the component lives. False on the
 * server, after a client-side navigation, and on the development server, which
 * renders in the browser only: there is no HTML to keep then.
 */
export function useHydratingServerHtml(): boolean {
  const isBrowser = useIsBrowser();
  const [hydrating] = useState(
    () => typeof window !== 'undefined' && !isBrowser && serverRenderedPage(),
  );
  return hydrating;
}
