/**
 * Docusaurus config for profiling builds only (bench/profile.ts): the site's
 * own config plus an alias that swaps `react-dom/client` for React's
 * profiling build, so commits carry per-component render durations. Build
 * with `npx docusaurus build --config bench/profile.config.ts --no-minify
 * --out-dir build-profile`; never deploy it.
 */
import type { Config, Plugin } from '@docusaurus/types';
import base from '../docusaurus.config';

function reactProfiling(): Plugin {
  return {
    name: 'react-profiling-build',
    configureWebpack(webpackConfig, isServer) {
      if (isServer) return {};
      // Ahead of Docusaurus's own `react-dom` alias, which would match first.
      const resolve = (webpackConfig.resolve ??= {});
      resolve.alias = {
        'react-dom/client$': require.resolve('react-dom/profiling'),
        ...(resolve.alias as Record<string, string>),
      };
      return {};
    },
  };
}

const config: Config = {
  ...base,
  plugins: [...(base.plugins ?? []), reactProfiling],
};

export default config;
