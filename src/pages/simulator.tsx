import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';

export default function SimulatorPage(): ReactNode {
  return (
    <Layout
      title="Simulator"
      description="Step through ToolHive's OAuth flow for an MCP server, with every request, token and check visible."
    >
      <main className="container margin-vert--lg">
        <Heading as="h1">MCP authorization flow simulator</Heading>
        <p>
          The simulator runs each step of the OAuth flow in your browser. It is
          being wired in; until then, read the concept page.
        </p>
      </main>
    </Layout>
  );
}
