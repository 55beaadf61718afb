// Escaping for the XML templates (ADMX, ADML, mobileconfig) generated from the policy definitions.

/** Text or attribute content with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Lines joined with '\n' and a final newline (templates are committed; stable line endings keep diffs small). */
export function lines(...parts: ReadonlyArray<string | readonly string[]>): string {
  return `${parts.flat().join('\n')}\n`;
}
