/**
 * A turn as the conversation log keeps it, the same for every place that talks (the channels'
 * gateway, the local web chat, the terminal): the answer with what produced it, and one "tool"
 * message per tool call with its result's summary line (what conversation memory recalls later).
 */
import type { TurnResult } from "../../agents/turn-types.ts";
import { inTransaction, type DbOrTrx } from "../../db/database.ts";
import { MEMORY_TOOLS } from "../../tools/tool-names.ts";
import { recordTurnMessages, upsertConversation, type RecordedTurn, type TurnMessages } from "../../db/repositories/conversations.ts";

const isMemoryTool = (tool: string): boolean => MEMORY_TOOLS.some((name) => name === tool);

export type AnsweredTurn = Pick<TurnMessages, "answer" | "toolResults">;

/** The answer and tool results of a turn, answered at `at`, for recordTurnMessages. */
export function answeredTurn(result: TurnResult, at: Date): AnsweredTurn {
  return {
    answer: {
      content: result.answer,
      language: result.language,
      at,
      metadata: { agent: result.agent, tools: result.toolCalls.map((call) => call.name), kind: result.kind, numbersChecked: result.numbersChecked },
    },
    // The memory tools' results are about memory itself (what was recalled, kept, forgotten): recorded, they would be recalled as news.
    toolResults: result.toolSummaries.flatMap((summary, index) => {
      const tool = result.toolCalls[index]?.name ?? "";
      return isMemoryTool(tool) ? [] : [{ tool, summary }];
    }),
  };
}

export interface OwnerTurn {
  readonly workspaceId: number;
  /** web: the local web chat; cli: `bizos ask` and `bizos chat`. */
  readonly channel: "web" | "cli";
  /** The chat's thread: the conversation it belongs to. */
  readonly threadKey: string;
  readonly question: string;
  readonly askedAt: Date;
  readonly answered: AnsweredTurn;
}

/**
 * A turn of the local web chat or the terminal: the machine's owner, so no member (its memory is the
 * workspace's), in the conversation of the chat's thread, question, answer and tool results at once.
 */
export async function recordOwnerTurn(db: DbOrTrx, turn: OwnerTurn): Promise<RecordedTurn> {
  return inTransaction(db, async (trx) => {
    const conversation = await upsertConversation(trx, { workspaceId: turn.workspaceId, memberId: null, channel: turn.channel, threadKey: turn.threadKey, at: turn.askedAt });
    return recordTurnMessages(trx, {
      workspaceId: turn.workspaceId,
      conversationId: conversation.id,
      memberId: null,
      question: { content: turn.question, at: turn.askedAt, metadata: { channel: turn.channel } },
      ...turn.answered,
    });
  });
}
