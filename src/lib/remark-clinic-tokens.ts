import { replaceClinicTokens } from './clinic-tokens';

interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  children?: MarkdownNode[];
}

function replaceInTree(node: MarkdownNode): void {
  if (typeof node.value === 'string') node.value = replaceClinicTokens(node.value);
  if (typeof node.url === 'string') node.url = replaceClinicTokens(decodeURI(node.url));
  node.children?.forEach(replaceInTree);
}

/** Remark plugin: fills `{{token}}` placeholders in Markdown content from the site config. */
export function remarkClinicTokens() {
  return (tree: MarkdownNode) => replaceInTree(tree);
}
