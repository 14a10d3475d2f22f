// Stands in for the MCP SDK's Ajv validator provider in the CLI bundle. Ajv compiles JSON Schemas
// into functions with `new Function`; the SDK's server only uses it to check answers to
// elicitation requests, which `strategy-lint mcp` never sends (its tool inputs are checked by
// zod, without code generation: see mcp/server.ts). With this stub the bundle runs no code from
// strings.
export class AjvJsonSchemaValidator {
  getValidator(): never {
    throw new Error('Strategy Lint compiles no JSON Schema at run time (the MCP server sends no elicitation requests)');
  }
}
