// The Content-Security-Policy the README tells hosts to send. The e2e server
// sends exactly this, and a test checks the README quotes it verbatim.
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
