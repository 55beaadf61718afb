// The well-formedness checker itself: accepts the shapes the templates use and rejects the usual breakages.
import { describe, expect, it } from 'vitest';
import { allElements, parseXml } from './xml-well-formed';

describe('parseXml', () => {
  it('accepts a declaration, doctype, comments, attributes, entities and self-closing tags', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!DOCTYPE plist PUBLIC "x" "y">\n<!-- note -->\n<a x="1" y=\'2\'><b z="&amp;&lt;"/>t &amp; u<![CDATA[<raw>]]></a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.children[0]?.attributes.z).toBe('&<');
    expect(root.text).toBe('t & u<raw>');
    expect(allElements(root).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it.each([
    ['unclosed element', '<a><b></a>'],
    ['crossed tags', '<a><b></a></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['bare ampersand', '<a>R&D</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['lt in attribute', '<a x="<"/>'],
    ['double dash in comment', '<a><!-- a -- b --></a>'],
    ['unterminated comment', '<a><!-- x </a>'],
    ['bad name', '<1a/>'],
    ['empty', ''],
  ])('rejects %s', (_label, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
