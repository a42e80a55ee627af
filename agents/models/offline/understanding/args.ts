/** Tool arguments as a plain record: what the tool call carries before its schema parses it. */
export type Args = Record<string, unknown>;
