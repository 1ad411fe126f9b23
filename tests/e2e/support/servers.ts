/** Where the e2e run serves the two production builds and the dev server. */
export const ROOT_PORT = Number(process.env.E2E_PORT ?? 3180);
export const SUBPATH_PORT = ROOT_PORT + 1;
export const SUBPATH_BASE = '/toolhive-auth/';
export const ROOT_URL = `http://127.0.0.1:${ROOT_PORT}/`;
export const SUBPATH_URL = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`;
/** The development server (`npm start`), which renders in the browser only. */
export const DEV_PORT = ROOT_PORT + 2;
export const DEV_URL = `http://127.0.0.1:${DEV_PORT}/`;

/**
 * Output folders of the two builds. E2E_OUT lets two checkouts or two people
 * on one machine run the suite side by side (with different E2E_PORT values).
 */
export const ROOT_BUILD_DIR = process.env.E2E_OUT ?? 'build';
export const SUBPATH_BUILD_DIR = `${ROOT_BUILD_DIR}-subpath`;
