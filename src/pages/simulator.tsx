import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import Simulator from '@site/src/components/Simulator';

export default function SimulatorPage(): ReactNode {
  return (
    <Layout
      title="Simulator"
      description="Step through ToolHive's OAuth flow for an MCP server, with every request, token and check visible."
    >
      <main className="container container--fluid margin-vert--lg">
        <Heading as="h1">MCP authorization flow simulator</Heading>
        <p>
          Pick a scenario and step through it. Every request goes to mock
          servers running in your browser: ToolHive in front of an MCP server,
          an authorization server and a backend. Tokens are really signed and
          checked, and Cedar really decides. The{' '}
          <Link
            to="/concepts/auth-framework"
            style={{ textDecoration: 'underline' }}
          >
            concept page
          </Link>{' '}
          explains each step. The address bar always links to the step you are
          on.
        </p>
        <Simulator urlStyle="query" variant="page" />
      </main>
    </Layout>
  );
}
