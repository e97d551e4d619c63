import { createHash } from "node:crypto";
import type { Hasher } from "../domain/scenario/canoniek";

/** SHA-256 with Node's crypto (CLI). */
export const nodeHasher: Hasher = {
  sha256Hex: (text) => Promise.resolve(createHash("sha256").update(text, "utf8").digest("hex")),
};
