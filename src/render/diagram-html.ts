// Escaping for the pictures: every name a picture shows comes from a layer, and a layer may hold a
// file called `<script>` — in HTML and in SVG it must stay text.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * escapeHtml makes text safe inside HTML or XML (element content and quoted attributes).
 * @example
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * svgImageTag wraps an SVG document as `<img src="data:image/svg+xml;base64,…">`. An untrusted
 * notebook strips inline `<svg>`, but keeps images, so this is how a picture survives being shared.
 * @example
 * svgImageTag('<svg xmlns="http://www.w3.org/2000/svg"/>', 'an empty picture');
 */
export function svgImageTag(svg: string, alt: string): string {
  const data = Buffer.from(svg, 'utf8').toString('base64');
  return `<img class="ll-picture" alt="${escapeHtml(alt)}" src="data:image/svg+xml;base64,${data}">`;
}
