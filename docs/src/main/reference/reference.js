// Renders the contract (the JSON block in the page) with Redoc. A file of its own, not an inline script: the server
// sends the reference with a Content-Security-Policy that runs scripts from files only.
// Served by the server itself, the page also offers the interactive console.
if (location.protocol === 'http:' || location.protocol === 'https:') {
    document.getElementById('try-it').hidden = false;
}
Redoc.init(JSON.parse(document.getElementById('contract').textContent), {
    expandResponses: 'all',
    requiredPropsFirst: true,
    jsonSampleExpandLevel: 'all',
    schemaExpansionLevel: 'all',
    showExtensions: ['x-required-role', 'x-required-role-when-present'],
    hideHostname: false,
    theme: { typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
                           headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' } } }
}, document.getElementById('reference'));
