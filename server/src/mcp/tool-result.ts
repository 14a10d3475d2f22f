// Tool results: data as structured content (and the same JSON as text for clients that read only
// text), bad input as an isError result the model can read and act on, never a crash.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** Bad input the client can correct: becomes an isError result with this message. */
export class ToolError extends Error {}

export function okResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data };
}

export function markdownResult(markdown: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: markdown }], structuredContent: data };
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs a tool body; ToolError and anything unexpected become isError results. */
export async function guarded(body: () => CallToolResult | Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ToolError) return errorResult(error.message);
    return errorResult(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
