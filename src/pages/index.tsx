import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import styles from './index.module.css';

export default function Home(): ReactNode {
  return (
    <Layout
      title="Home"
      description="How ToolHive protects an MCP server with OAuth, explained and simulated step by step in your browser."
    >
      <main className={`container ${styles.hero}`}>
        <Heading as="h1">ToolHive authentication and authorization</Heading>
        <p className={styles.lead}>
          This site explains how ToolHive protects an MCP server with OAuth:
          discovery, tokens bound to one audience, validation and policy
          decisions, each with the source that requires it. A live simulator
          runs every step of the flow for real in your browser, so you can watch
          each request and break it on purpose.
        </p>
        <div className={styles.actions}>
          <Link
            className="button button--primary button--lg"
            to="/concepts/auth-framework"
          >
            Read the concept page
          </Link>
          <Link className="button button--secondary button--lg" to="/simulator">
            Open the simulator
          </Link>
        </div>
      </main>
    </Layout>
  );
}
