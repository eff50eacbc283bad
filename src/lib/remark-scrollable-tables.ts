import type { Nodes, Root } from 'mdast';

/**
 * Remark plugin: a Markdown table can be focused (`tabindex="0"`), because on a phone it scrolls sideways inside the
 * page (global.css, `.prose table`) and keyboard users must be able to reach and scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
/** mdast-util-to-hast reads `data.hProperties` as the HTML element's attributes. */
interface WithHtmlProperties {
  hProperties?: Record<string, unknown>;
}

export function remarkScrollableTables() {
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const data: WithHtmlProperties = node.data ?? {};
      const focusable: WithHtmlProperties = { ...data, hProperties: { ...data.hProperties, tabIndex: 0 } };
      node.data = focusable;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  return (tree: Root) => visit(tree);
}
