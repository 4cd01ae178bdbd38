// Swagger UI on the contract as the reference publishes it (its composed examples filled in), with "Try it out"
// aimed at this server (the contract's own servers list the hosted service first).
let aimedAtThisServer = false;
const ui = SwaggerUIBundle({
    url: '/docs/openapi.json',
    dom_id: '#console',
    deepLinking: true,
    tryItOutEnabled: true,
    persistAuthorization: false,
    // Swagger UI would otherwise show a badge loaded from validator.swagger.io: nothing here leaves this server.
    validatorUrl: null,
    onComplete: () => {
        if (aimedAtThisServer) {
            return;
        }
        aimedAtThisServer = true;
        const contract = ui.specSelectors.specJson().toJS();
        contract.servers = [{ url: window.location.origin, description: 'This server' }];
        ui.specActions.updateSpec(JSON.stringify(contract));
    }
});
