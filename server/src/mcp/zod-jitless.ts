// zod compiles object schemas into functions (new Function) unless told not to, and decides when
// each schema is built: this module must be imported before the MCP SDK builds its schemas. The
// fronts run no code from strings (test/unit/security/bundles.test.ts), so validation stays
// interpreted.
import { config } from 'zod/v4/core';

config({ jitless: true });
