import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  docs: [
    'index',
    {
      type: 'category',
      label: 'Concepts',
      collapsed: false,
      items: ['concepts/auth-framework', 'concepts/backend-auth'],
    },
    {
      type: 'category',
      label: 'Reference',
      collapsed: false,
      items: ['reference/authorization'],
    },
    'glossary',
  ],
};

export default sidebars;
