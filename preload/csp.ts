// The Content-Security-Policy of every page Lull shows, written once: the Electron shell's lull://
// protocol and the host's dashboard send it as a header, and the build writes it into each page's
// meta tag. No inline code, no eval, nothing remote.
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const PAGE_CSP = directives.join('; ');

/** As a meta tag can carry it: browsers honour frame-ancestors only in the header. */
export const META_CSP = directives.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** The placeholder in renderer/*.html that the build replaces with META_CSP. */
export const CSP_PLACEHOLDER = '%LULL_CSP%';
