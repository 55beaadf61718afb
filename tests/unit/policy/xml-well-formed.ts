// A small XML well-formedness checker for the generated templates: one root, balanced and properly nested tags, quoted
// unique attributes, known entities, comments/CDATA/declarations closed. Returns a tree to look inside.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

export class XmlError extends Error {}

function decode(text: string, where: number): string {
  const stripped = text.replace(ENTITY, '');
  if (stripped.includes('&')) throw new XmlError(`unknown or unterminated entity near offset ${where}`);
  if (stripped.includes('<')) throw new XmlError(`'<' in text near offset ${where}`);
  return text
    .replace(/&#x([0-9A-Fa-f]+);/g, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function parseAttributes(source: string, where: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  let rest = source.trim();
  while (rest !== '') {
    const match = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (match === null) throw new XmlError(`malformed attribute near offset ${where}: ${rest.slice(0, 30)}`);
    const name = match[1]!;
    if (name in attributes) throw new XmlError(`duplicate attribute ${name} near offset ${where}`);
    attributes[name] = decode(match[3] ?? match[4] ?? '', where);
    rest = rest.slice(match[0].length);
  }
  return attributes;
}

export function parseXml(source: string): XmlElement {
  let index = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const expectEnd = (terminator: string, what: string): number => {
    const end = source.indexOf(terminator, index);
    if (end === -1) throw new XmlError(`unterminated ${what} at offset ${index}`);
    return end;
  };
  if (source.startsWith('<?xml')) index = expectEnd('?>', 'XML declaration') + 2;
  while (index < source.length) {
    const next = source.indexOf('<', index);
    const text = source.slice(index, next === -1 ? source.length : next);
    if (stack.length === 0) {
      if (text.trim() !== '') throw new XmlError(`text outside the root element at offset ${index}`);
    } else {
      stack.at(-1)!.text += decode(text, index);
    }
    if (next === -1) break;
    index = next;
    if (source.startsWith('<!--', index)) {
      const end = expectEnd('-->', 'comment');
      if (source.slice(index + 4, end).includes('--')) throw new XmlError(`'--' inside a comment at offset ${index}`);
      index = end + 3;
    } else if (source.startsWith('<![CDATA[', index)) {
      const end = expectEnd(']]>', 'CDATA section');
      if (stack.length === 0) throw new XmlError('CDATA outside the root element');
      stack.at(-1)!.text += source.slice(index + 9, end);
      index = end + 3;
    } else if (source.startsWith('<!DOCTYPE', index)) {
      if (root !== null || stack.length > 0) throw new XmlError('DOCTYPE after the root element started');
      index = expectEnd('>', 'DOCTYPE') + 1;
    } else if (source.startsWith('<?', index)) {
      index = expectEnd('?>', 'processing instruction') + 2;
    } else if (source.startsWith('</', index)) {
      const end = expectEnd('>', 'end tag');
      const name = source.slice(index + 2, end).trim();
      const open = stack.pop();
      if (open === undefined || open.name !== name) throw new XmlError(`</${name}> does not close <${open?.name ?? '(nothing)'}> at offset ${index}`);
      index = end + 1;
    } else {
      const end = expectEnd('>', 'start tag');
      let body = source.slice(index + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^([^\s/>]+)/.exec(body);
      const name = nameMatch?.[1] ?? '';
      if (!NAME.test(name)) throw new XmlError(`bad element name '${name}' at offset ${index}`);
      const element: XmlElement = { name, attributes: parseAttributes(body.slice(name.length), index), children: [], text: '' };
      if (stack.length > 0) stack.at(-1)!.children.push(element);
      else if (root === null) root = element;
      else throw new XmlError(`a second root element <${name}> at offset ${index}`);
      if (!selfClosing) stack.push(element);
      index = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack.at(-1)!.name}> is never closed`);
  if (root === null) throw new XmlError('no root element');
  return root;
}

/** Every element in document order. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}
