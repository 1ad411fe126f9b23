/**
 * Discovery: the unauthenticated probe and its 401 challenge, protected
 * resource metadata (RFC 9728), and authorization server metadata (RFC 8414
 * or OpenID Connect Discovery), as the spec's "Authorization Server
 * Discovery" section orders them.
 */
import {
  processDiscoveryResponse,
  type AuthorizationServer as AsMetadata,
} from 'oauth4webapi';
import { addCheck } from '../../engine/host';
import { SimError } from '../../engine/errors';
import { responseWithBody } from '../../engine/recorder';
import { readJson } from '../http-util';
import { bearerChallenge } from './challenge';
import {
  MCP_PROTOCOL_VERSION,
  need,
  type ClientCore,
  type ProtectedResourceMetadata,
} from './context';
import { initializeParams, rpcRequest, stateless } from './mcp';

/** RFC 9728 §3's well-known URI suffix. */
const PRM_PATH = '/.well-known/oauth-protected-resource';

interface PrmCandidate {
  url: string;
  /** The resource values RFC 9728 §3.3 accepts for a document found here. */
  accepts: string[];
}

/**
 * Where to look for PRM. From the challenge's resource_metadata, the
 * resource must be the URL the client called (RFC 9728 §3.3). From the
 * well-known URL built on the MCP URL's path, the same. From the root
 * well-known URL (the spec's fallback), either the MCP URL or the origin the
 * well-known string was inserted into.
 */
function prmCandidates(mcpUrl: string, fromHeader: string | undefined) {
  if (fromHeader) return [{ url: fromHeader, accepts: [mcpUrl] }];
  const mcp = new URL(mcpUrl);
  const root: PrmCandidate = {
    url: `${mcp.origin}${PRM_PATH}`,
    accepts: [mcpUrl, mcp.origin],
  };
  if (mcp.pathname === '/') return [root];
  return [
    { url: `${mcp.origin}${PRM_PATH}${mcp.pathname}`, accepts: [mcpUrl] },
    root,
  ];
}

/** RFC 8414 §3.1 path insertion, then OIDC Discovery (inserted, appended). */
function asMetadataCandidates(issuer: string): string[] {
  const iu = new URL(issuer);
  const path = iu.pathname === '/' ? '' : iu.pathname.replace(/\/$/, '');
  return path
    ? [
        `${iu.origin}/.well-known/oauth-authorization-server${path}`,
        `${iu.origin}/.well-known/openid-configuration${path}`,
        `${iu.origin}${path}/.well-known/openid-configuration`,
      ]
    : [
        `${iu.origin}/.well-known/oauth-authorization-server`,
        `${iu.origin}/.well-known/openid-configuration`,
      ];
}

export function discovery({ host, o, s, send }: ClientCore) {
  return {
    /** Sends an MCP request without a token and reads the 401 challenge. */
    async probe(): Promise<string> {
      // 2026-07-28 has no handshake: the probe is `server/discover`.
      const res = await send(
        stateless(s, o)
          ? rpcRequest(s, o, 'server/discover', undefined, null)
          : rpcRequest(s, o, 'initialize', initializeParams(o), null),
      );
      s.probeStatus = res.status;
      if (res.status !== 401)
        return `HTTP ${res.status}: no authorization required`;
      const c = bearerChallenge(res);
      s.challenge = c;
      const params = c
        ? Object.keys(c.params).join(', ')
        : 'no Bearer challenge';
      return `401 with a Bearer challenge (${params})`;
    },

    /** RFC 9728 discovery: header URL, else path-suffixed well-known, else root. */
    async fetchResourceMetadata(): Promise<string> {
      const fromHeader = s.challenge?.params.resource_metadata;
      for (const { url, accepts } of prmCandidates(o.mcpUrl, fromHeader)) {
        const res = await send(
          new Request(url, {
            headers: {
              accept: 'application/json',
              'mcp-protocol-version': MCP_PROTOCOL_VERSION,
            },
          }),
        );
        if (res.status !== 200) continue;
        const doc = (await readJson(res)) as
          ProtectedResourceMetadata | undefined;
        if (!doc || typeof doc.resource !== 'string') continue;
        if (!accepts.includes(doc.resource)) {
          addCheck(
            host.ctx,
            'prm-resource',
            'fail',
            `PRM resource ${doc.resource} is not ${o.mcpUrl}`,
          );
          throw new SimError(
            'prm_resource_mismatch',
            'protected resource metadata names another resource',
            { check: 'prm-resource' },
          );
        }
        addCheck(
          host.ctx,
          'prm-resource',
          'pass',
          `resource equals ${doc.resource}`,
        );
        s.prmUrl = url;
        s.prm = doc;
        return `PRM from ${fromHeader ? 'the resource_metadata URL' : url}: authorization server ${String(doc.authorization_servers?.[0])}`;
      }
      throw new SimError(
        'prm_not_found',
        'no protected resource metadata found',
        { status: 404 },
      );
    },

    /** RFC 8414 then OIDC discovery, issuer check, and the S256 requirement. */
    async fetchAuthorizationServerMetadata(): Promise<string> {
      const prm = need(s.prm, 'protected resource metadata');
      const issuer = prm.authorization_servers?.[0];
      if (!issuer)
        throw new SimError(
          'as_metadata_not_found',
          'PRM lists no authorization server',
        );
      for (const url of asMetadataCandidates(issuer)) {
        const res = await send(
          new Request(url, { headers: { accept: 'application/json' } }),
        );
        if (res.status !== 200) continue;
        let as: AsMetadata;
        // The body read once, for oauth4webapi and, on failure, for the
        // check's detail: a copy from bytes costs less than a clone in
        // browsers.
        const bytes = await res.arrayBuffer();
        const served = () => responseWithBody(res, bytes);
        try {
          // RFC 8414 §3.3: the issuer in the document must be the one the
          // URL was built from, or the document must not be used.
          as = await processDiscoveryResponse(new URL(issuer), served());
        } catch (e) {
          const body = (await served()
            .json()
            .catch(() => null)) as {
            issuer?: unknown;
          } | null;
          addCheck(
            host.ctx,
            'as-issuer',
            'fail',
            `metadata issuer does not equal ${issuer}`,
            {
              expected: issuer,
              actual:
                typeof body?.issuer === 'string' ? body.issuer : '(no issuer)',
            },
          );
          throw new SimError('as_issuer_mismatch', (e as Error).message, {
            check: 'as-issuer',
          });
        }
        addCheck(host.ctx, 'as-issuer', 'pass', `issuer equals ${issuer}`);
        if (!as.code_challenge_methods_supported?.includes('S256')) {
          addCheck(
            host.ctx,
            'pkce-s256-advertised',
            'fail',
            'code_challenge_methods_supported is missing or lacks S256, so the client refuses to proceed',
            {
              expected: 'code_challenge_methods_supported contains S256',
              actual: JSON.stringify(
                as.code_challenge_methods_supported ?? null,
              ),
            },
          );
          throw new SimError(
            'pkce_not_supported',
            'the authorization server does not advertise PKCE S256',
            { check: 'pkce-s256-advertised' },
          );
        }
        addCheck(host.ctx, 'pkce-s256-advertised', 'pass', 'S256 advertised');
        s.as = as;
        return `metadata from ${url}`;
      }
      throw new SimError(
        'as_metadata_not_found',
        'no authorization server metadata found',
        { status: 404 },
      );
    },
  };
}
