import { SaxesParser } from 'saxes';

/**
 * A strict XML parse into a small tree (saxes: a conforming, non-validating XML parser). Any
 * well-formedness error throws with its line and column. Used for the JUnit output and for the
 * HTML report, which is written as well-formed XML so that a strict parser can check it (an
 * HTML5 parser repairs everything and would prove nothing).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => stack[stack.length - 1]?.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]?.children.push(t));
  parser.write(text).close();
  if (failure) throw failure;
  const [element] = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new Error('no root element');
  return element;
}

export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* descendants(child);
  }
}

export function byName(element: XmlElement, name: string): XmlElement[] {
  return [...descendants(element)].filter((e) => e.name === name);
}

export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
