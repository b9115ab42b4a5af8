// A namespace-aware, order-independent view over fast-xml-parser's output. Elements are matched
// by (namespace URI, local name), never by prefix or position, so per-element xmlns declarations
// (arXiv's 2016 format) and reordered children parse the same way.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Namespace URIs used by arXiv's Atom and RSS feeds. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  arxiv: 'http://arxiv.org/schemas/atom',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
  dc: 'http://purl.org/dc/elements/1.1/',
  none: '',
} as const;

/** One element: its resolved namespace, local name, attributes, child elements and text. */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content (entities decoded, CDATA included), untrimmed. */
  text: string;
}

// Used only when a document forgets to declare a well-known prefix.
const FALLBACK_PREFIXES: Record<string, string> = {
  arxiv: NS.arxiv,
  atom: NS.atom,
  opensearch: NS.opensearch,
  dc: NS.dc,
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

/** Thrown when a body is not well-formed XML; the message says where. */
export class XmlSyntaxError extends Error {}

/** Parses XML text into a namespace-resolved element tree; throws XmlSyntaxError when malformed. */
export function parseXml(text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlSyntaxError(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const raw = parser.parse(text) as RawNode[];
  const root = raw.map((n) => toElement(n, {})).find((e): e is XmlElement => e !== undefined);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

function toElement(node: RawNode, scope: Record<string, string>): XmlElement | undefined {
  const qname = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
  if (!qname) return undefined;
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const inner = { ...scope };
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns') inner[''] = value;
    else if (key.startsWith('xmlns:')) inner[key.slice(6)] = value;
  }
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : '';
  const name = colon >= 0 ? qname.slice(colon + 1) : qname;
  const ns = inner[prefix] ?? FALLBACK_PREFIXES[prefix] ?? (prefix ? `urn:unbound:${prefix}` : '');
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qname] ?? []) as RawNode[]) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const el = toElement(child, inner);
      if (el) children.push(el);
    }
  }
  return { ns, name, attrs, children, text };
}

/** Direct children with this namespace and local name, in document order. */
export function childrenOf(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.ns === ns && c.name === name) : [];
}

/** The first direct child with this namespace and local name. */
export function childOf(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.ns === ns && c.name === name);
}

/** Trimmed text of the first matching child, or undefined when absent or blank. */
export function childText(el: XmlElement | undefined, ns: string, name: string): string | undefined {
  const text = childOf(el, ns, name)?.text.trim();
  return text ? text : undefined;
}
