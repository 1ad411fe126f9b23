/**
 * The token endpoint: one module per grant type behind this table. A grant
 * type not in the table is `unsupported_grant_type`.
 */
import type { StepContext } from '../../engine/host';
import { oauthError, readForm } from '../http-util';
import { TOKEN_EXCHANGE_GRANT } from './options';
import type { AsCore, Grant } from './state';
import { authorizationCodeGrant } from './grant-authorization-code';
import { refreshTokenGrant } from './grant-refresh-token';
import { tokenExchangeGrant } from './grant-token-exchange';

const GRANTS: Readonly<Record<string, Grant>> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  [TOKEN_EXCHANGE_GRANT]: tokenExchangeGrant,
};

export async function tokenEndpoint(
  core: AsCore,
  ctx: StepContext,
  request: Request,
): Promise<Response> {
  const form = await readForm(request);
  const grant = form.get('grant_type');
  if (!grant)
    return oauthError(400, 'invalid_request', 'grant_type is required');
  const handler = Object.prototype.hasOwnProperty.call(GRANTS, grant)
    ? GRANTS[grant]
    : undefined;
  if (!handler)
    return oauthError(
      400,
      'unsupported_grant_type',
      `grant_type ${grant} is not supported`,
    );
  return handler(core, ctx, request, form);
}
